import Foundation
import HubBackends
import Testing

@testable import Reports

@Suite struct AreaImportTests {
    static let bad: [(String, String, [String])] = [
        ("missing header", "code,name\nX,Y\n", ["line 1: the header needs columns"]),
        ("bad level", "ma,ten,cap,ma_cap_tren\nP,Tỉnh,tinh,\nX,Xã X,thôn,P\n", ["line 3: level 'thôn'"]),
        (
            "duplicate code", "code,name,level,parent_code\nP,A,province,\nP,B,province,\n",
            ["line 3: code 'P' already appears on line 2"]
        ),
        (
            "unknown parent", "code,name,level,parent_code\nP,A,province,\nD,B,district,Q\n",
            ["line 3: parent 'Q' of 'D'"]
        ),
        (
            "district under district", "code,name,level,parent_code\nP,A,province,\nD,B,district,P\nE,C,district,D\n",
            ["line 4: a district cannot sit under a district"]
        ),
        (
            "province with parent", "code,name,level,parent_code\nP,A,province,\nQ,B,province,P\n",
            ["line 3: province 'Q' cannot have a parent"]
        ),
        (
            "commune without parent", "code,name,level,parent_code\nC,Xã,commune,\n",
            ["line 2: commune 'C' needs a parent code"]
        ),
        (
            "several at once", "code,name,level,parent_code\n,A,province,\nD,,district,P\n",
            ["line 2: the code is empty", "line 3: the name is empty"]
        ),
    ]

    @Test(arguments: Backend.all.flatMap { backend in bad.map { (backend, $0.0, $0.1, $0.2) } })
    func reportsEveryProblemWithItsLine(_ backend: Backend, _ name: String, _ csv: String, _ messages: [String]) throws
    {
        guard let fixture = try HubFixture(backend, events: false) else { return }
        defer { fixture.remove() }
        let before = try fixture.db.areaTree().nodes.count
        do {
            _ = try fixture.db.importAreas(csv: csv)
            Issue.record("\(name): accepted")
        } catch let error as ReportError {
            let all = error.lines(.en).joined(separator: "\n")
            for m in messages { #expect(all.contains(m), "\(name): \(all)") }
        }
        #expect(try fixture.db.areaTree().nodes.count == before, "nothing imported")
    }

    @Test(arguments: Backend.all)
    func acceptsBOMQuotesVietnameseHeadersAndCommunesUnderTheProvince(_ backend: Backend) throws {
        guard let fixture = try HubFixture(backend, events: false) else { return }
        defer { fixture.remove() }
        // NFD input (as some editors save it) is stored as NFC.
        let nfd = "Xã Tân Phú".decomposedStringWithCanonicalMapping
        let csv =
            "\u{FEFF}Mã,Tên,Cấp,Mã cấp trên\r\nP,Tỉnh Thử Nghiệm,Tỉnh,\r\nX1,\"\(nfd), mới\",xã,P\r\nD9,\"Huyện \"\"Chín\"\"\",huyện,P\r\n"
        let result = try fixture.db.importAreas(csv: csv)
        #expect(result == AreaImportResult(added: 2, updated: 0, unchanged: 1))
        let tree = try fixture.db.areaTree()
        #expect(
            tree.nodes["X1"]?.name.unicodeScalars.elementsEqual(
                "Xã Tân Phú, mới".precomposedStringWithCanonicalMapping.unicodeScalars) == true)
        #expect(tree.nodes["X1"]?.parent == "P")
        #expect(tree.nodes["D9"]?.name == "Huyện \"Chín\"")
    }

    @Test(arguments: Backend.all)
    func attachesCentresOnlyToCommunes(_ backend: Backend) throws {
        guard let fixture = try HubFixture(backend, events: false) else { return }
        defer { fixture.remove() }
        try fixture.db.attachCentre(HubFixture.nodeA, toCommune: "C21")
        #expect(try fixture.db.areaTree().nodes[HubFixture.nodeA]?.parent == "C21")
        #expect(throws: ReportError.self) { try fixture.db.attachCentre(HubFixture.nodeA, toCommune: "D1") }
        #expect(throws: ReportError.self) { try fixture.db.attachCentre("n-zzzzzzzzzzzzzzzz", toCommune: "C11") }
    }
}
