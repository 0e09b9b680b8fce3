import ArgumentParser
import Foundation
import HubStore
import Reports

/// `hocso hub areas …`: the province → district → commune hierarchy. Owned by the reports work.
struct HubAreasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "areas", abstract: "Địa bàn. Areas.", subcommands: [Import.self, List.self, AttachCenter.self])

    struct DatabaseOption: ParsableArguments {
        @Option(name: .long, help: "Cơ sở dữ liệu của trạm. The hub database.") var db: String?
        func open() throws -> ReportDatabase {
            try ReportDatabase(path: db.map { URL(fileURLWithPath: $0) } ?? SQLiteHubStore.defaultPath)
        }
    }

    /// `hocso hub areas import FILE.csv`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract:
                "Nhập địa bàn từ CSV (ma,ten,cap,ma_cap_tren). Import areas from CSV (code,name,level,parent_code).")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "Tệp CSV, UTF-8 (có hoặc không BOM). The CSV file, UTF-8 with or without BOM.") var file: String

        func run() throws {
            try reportingFailures {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw Failure("cannot read '\(file)'")
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    throw Failure("'\(file)' is not UTF-8; save it from Excel as \"CSV UTF-8\"")
                }
                do {
                    let result = try database.open().importAreas(csv: text)
                    print("areas: \(result.added) added, \(result.updated) updated, \(result.unchanged) unchanged")
                } catch let error as ReportError where error.kind == .badInput {
                    for line in error.details { Console.error("\(file):\(line)") }
                    throw Failure(error.message)
                }
            }
        }
    }

    /// `hocso hub areas list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Liệt kê địa bàn và trung tâm. List areas and centres.")
        @OptionGroup var database: DatabaseOption

        func run() throws {
            try reportingFailures {
                let tree = try database.open().areaTree()
                func walk(_ node: AreaNode, depth: Int) {
                    let label = node.level == .center ? "trung tâm/centre" : node.level.rawValue
                    print(String(repeating: "  ", count: depth) + "\(node.code)  \(node.name)  (\(label))")
                    for child in tree.children(of: node.code) { walk(child, depth: depth + 1) }
                }
                for root in tree.roots { walk(root, depth: 0) }
                let loose = tree.nodes.values.filter { $0.level == .center && $0.parent == nil }.sorted {
                    $0.code < $1.code
                }
                if !loose.isEmpty {
                    print("(centres not attached to a commune: hocso hub areas attach-center NODE COMMUNE)")
                    for c in loose { print("  \(c.code)  \(c.name)") }
                }
            }
        }
    }

    /// `hocso hub areas attach-center NODE COMMUNE`.
    struct AttachCenter: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "attach-center", abstract: "Gắn trung tâm vào xã. Attach a centre to a commune.")
        @OptionGroup var database: DatabaseOption
        @Argument(help: "Mã nút của trung tâm. The centre's node id.") var node: String
        @Argument(help: "Mã xã. The commune code.") var commune: String

        func run() throws {
            try reportingFailures {
                try database.open().attachCentre(node, toCommune: commune)
                print("centre \(node) attached to commune \(commune)")
            }
        }
    }
}
