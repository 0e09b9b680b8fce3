import ArgumentParser
import CommandSupport
import Foundation
import Localization
import Packs
import ProgressStore

/// `hocso center …`: the centre operator's tools over the centre database.
struct CenterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "center",
        abstract: "Quản lý trung tâm: người học, kiểm tra cơ sở dữ liệu. Run the centre: learners, database checks.",
        subcommands: [
            Learners.self, Doctor.self, Demo.self, CenterInitCommand.self, Kiosk.self, CenterGroupCommand.self,
            CenterBoardCommand.self, CenterSheetCommand.self,
        ])

    /// Options every centre command takes.
    struct Common: ParsableArguments {
        @Option(
            name: .long,
            help:
                "Cơ sở dữ liệu trung tâm (mặc định: $HOCSO_DB hoặc thư mục dữ liệu). The centre database (default: $HOCSO_DB or the data folder)."
        )
        var db: String?

        @OptionGroup var language: LanguageOption

        /// The centre database's path.
        var path: URL { db.map { URL(fileURLWithPath: $0) } ?? CentreStore.defaultPath }

        /// Opens the centre database; only `mode: .createIfMissing` (centre set-up and learner
        /// registration) may make a new one.
        func open(_ mode: CentreStore.OpenMode = .existing) throws -> CentreStore {
            try CentreStore(path: path, mode: mode)
        }
    }

    /// `hocso center learners …`.
    struct Learners: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "learners",
            abstract: "Đăng ký và liệt kê người học. Register and list learners.",
            subcommands: [Add.self, Import.self, List.self, ResetPIN.self])
    }

    /// `hocso center learners add --code --name --birth-year --gender --commune [--pin]`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Đăng ký một người học. Register one learner.")

        @OptionGroup var common: Common
        @Option(
            help:
                "Mã người học, 3–8 chữ cái/chữ số (bỏ trống để gợi ý từ tên). Learner code, 3–8 letters/digits (omit to suggest one)."
        )
        var code: String?
        @Option(help: "Họ và tên. Full name.") var name: String
        @Option(name: .customLong("birth-year"), help: "Năm sinh. Birth year.") var birthYear: Int
        @Option(help: "Giới tính: nu, nam, khac. Gender: nu, nam, khac.") var gender: String?
        @Option(help: "Xã/phường. Commune.") var commune: String
        @Option(help: "Mã PIN 4–6 chữ số (tuỳ chọn). Optional 4–6 digit PIN.") var pin: String?

        func validate() throws {
            if let gender, Gender(reading: gender) == nil { throw ValidationError(CentreText.badGender) }
        }

        func run() throws {
            let lang = common.language.language
            try reportingFailures(lang) {
                let learner = try common.open(.createIfMissing).addLearner(
                    NewLearner(
                        code: code, displayName: name, birthYear: birthYear,
                        gender: gender.flatMap(Gender.init(reading:)), commune: commune, pin: pin))
                Console.say(CentreText.registered(learner), lang)
            }
        }
    }

    /// `hocso center learners import FILE.csv`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract:
                "Nhập danh sách người học từ tệp CSV (ma,ho_ten,nam_sinh,gioi_tinh,xa,pin). Import learners from CSV.")

        @OptionGroup var common: Common
        @Argument(help: "Tệp CSV, UTF-8. The CSV file, UTF-8.") var file: String

        func run() throws {
            let lang = common.language.language
            let report = try reportingFailures(lang) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw Failure(CentreText.cannotRead(file))
                }
                return try common.open(.createIfMissing).importLearners(csv: data)
            }
            for learner in report.imported { Console.say(CentreText.registered(learner), lang) }
            Console.say(
                CentreText.importSummary(imported: report.imported.count, rejected: report.problems.count), lang)
            for problem in report.problems {
                Console.error("\(file):\(problem.line): \(CentreText.errorLabel(lang)): \(problem.phrase(lang))")
            }
            if !report.problems.isEmpty { throw ExitCode.failure }
        }
    }

    /// `hocso center learners list [--json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Liệt kê người học. List learners.")

        @OptionGroup var common: Common
        @Flag(help: "In dạng JSON. Print JSON.") var json = false

        func run() throws {
            let lang = common.language.language
            try reportingFailures(lang) {
                let learners = try common.open().learners()
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    Console.out(String(decoding: try encoder.encode(learners), as: UTF8.self))
                    return
                }
                Console.say(CentreText.listHeader, lang)
                for l in learners {
                    let fields = [
                        l.code, l.displayName, String(l.birthYear), l.gender?.rawValue ?? "-", l.commune,
                        l.hasPIN ? "PIN" : "-",
                    ]
                    // Names came from people and files: nothing in them may act on the terminal.
                    Console.out(fields.map { ControlCharacters.replaced(in: $0) }.joined(separator: "\t"))
                }
                Console.say(CentreText.listCount(learners.count), lang)
            }
        }
    }

    /// `hocso center doctor [--repair]`.
    struct Doctor: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "doctor",
            abstract:
                "Kiểm tra cơ sở dữ liệu và tiến độ tính từ nhật ký; --repair để dựng lại. Check the database; --repair rebuilds progress."
        )

        @OptionGroup var common: Common
        @Flag(help: "Dựng lại tiến độ từ nhật ký khi có sai khác. Rebuild progress from the log when it differs.")
        var repair = false

        @Option(
            name: .long,
            help:
                "Kho khoá học có chỉ mục tìm bài cần kiểm tra. The content store whose lesson search index is checked (default: $HOCSO_STORE or the data folder)."
        )
        var store: String?

        func run() throws {
            let lang = common.language.language
            let report = try reportingFailures(lang) { try common.open().doctor(repair: repair) }
            for line in CentreText.doctor(report) { Console.say(line, lang) }
            // The search index only mirrors the installed courses: out of date is said, not a failure.
            let content = ContentStore(root: store.map { URL(fileURLWithPath: $0) } ?? ContentStore.defaultRoot)
            if content.hasCourseFolder { try checkSearchIndex(content, lang) }
            if !report.isHealthy { throw ExitCode.failure }
        }

        private func checkSearchIndex(_ content: ContentStore, _ lang: Language) throws {
            try reportingFailures(lang) {
                if repair {
                    Console.say(CentreText.searchIndexRebuilt(try content.rebuildSearchIndex()), lang)
                } else {
                    let (stale, gone) = try content.searchIndexStaleness()
                    Console.say(
                        stale + gone == 0
                            ? CentreText.searchIndexCurrent(content.searchStamps().count)
                            : CentreText.searchIndexStale(stale: stale, gone: gone), lang)
                }
            }
        }
    }

    /// `hocso center demo`: makes the demo learner `DEMO` for a first try.
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo", abstract: "Tạo người học thử DEMO. Make the demo learner DEMO.")

        @OptionGroup var common: Common

        func run() throws {
            let lang = common.language.language
            try reportingFailures(lang) {
                Console.say(CentreText.registered(try common.open(.createIfMissing).ensureDemoLearner()), lang)
            }
        }
    }
}
