import Foundation
import LearnerEvents
import QuizEngine
import Testing

@testable import Packs

@Suite("Packs: install checks the manifest's lesson outline in place, as strictly as decoding it")
struct ManifestOutlineTests {
    /// A manifest as a JSON tree: three lessons, the essentials, a builtBy.
    private static func manifestTree(lessons: Int = 3) -> [String: Any] {
        [
            "builtBy": "hocso 0.1.0",
            "course": ["id": "khoa-hoc", "language": "vi", "title": "Khoá học", "version": 2] as [String: Any],
            "files": [
                ["path": "course.json", "sha256": String(repeating: "a", count: 64), "size": 10] as [String: Any]
            ],
            "format": 2, "minReader": 2,
            "lessons": (0..<lessons).map { index in
                [
                    "id": "bai-\(index)", "title": "Bài \(index) — đ \"trích\" \\", "steps": ["s0", "s1"],
                    "questions": (0..<index).map { "b\(index)-q\($0)" },
                ] as [String: Any]
            },
        ]
    }

    /// Whether `JSONDecoder` decodes `data` as a whole manifest.
    private func decoderAccepts(_ data: Data) -> Bool {
        (try? PackJSON.decode(PackManifest.self, from: data)) != nil
    }

    @Test("a manifest the builder wrote passes, spaced or not, with escaped keys")
    func builderManifest() throws {
        let data = try JSONSerialization.data(withJSONObject: Self.manifestTree(), options: [.sortedKeys])
        #expect(ManifestOutline.problem(in: data) == nil)
        let pretty = try JSONSerialization.data(withJSONObject: Self.manifestTree(), options: [.prettyPrinted])
        #expect(ManifestOutline.problem(in: pretty) == nil)
        let text = String(decoding: data, as: UTF8.self)
        let escaped = text.replacingOccurrences(of: #""lessons""#, with: #""l\u0065ssons""#)
            .replacingOccurrences(of: #""steps""#, with: #""st\u0065ps""#)
        #expect(decoderAccepts(Data(escaped.utf8)))
        #expect(ManifestOutline.problem(in: Data(escaped.utf8)) == nil)
        let empty = try JSONSerialization.data(withJSONObject: Self.manifestTree(lessons: 0))
        #expect(ManifestOutline.problem(in: empty) == nil)
    }

    @Test(
        "names what is wrong",
        arguments: [
            ("lessons", "has no lesson outline"), ("builtBy", "does not say what built it (builtBy)"),
        ])
    func missingMember(_ key: String, _ problem: String) throws {
        var tree = Self.manifestTree()
        tree[key] = nil
        let data = try JSONSerialization.data(withJSONObject: tree)
        #expect(ManifestOutline.problem(in: data) == problem)
        #expect(!decoderAccepts(data))
    }

    @Test("a lesson without its steps, or with a number for a question id, is named by its place")
    func badLesson() throws {
        var tree = Self.manifestTree()
        var lessons = try #require(tree["lessons"] as? [[String: Any]])
        lessons[1]["steps"] = nil
        tree["lessons"] = lessons
        #expect(
            ManifestOutline.problem(in: try JSONSerialization.data(withJSONObject: tree))
                == "gives lesson 2 of its outline no 'steps'")
        lessons[1]["steps"] = ["s0"]
        lessons[2]["questions"] = ["b2-q0", 7]
        tree["lessons"] = lessons
        #expect(
            ManifestOutline.problem(in: try JSONSerialization.data(withJSONObject: tree))
                == "gives lesson 3 of its outline a malformed 'questions'")
    }

    /// A random JSON value for a mutation: every type, sometimes nested.
    private static func randomValue(_ random: inout SplitMix64, depth: Int = 0) -> Any {
        switch Int.random(in: 0..<(depth > 2 ? 5 : 7), using: &random) {
        case 0: return ["s", "", "đ \"q\" \\ ]}", "x\u{1F600}"].randomElement(using: &random)!
        case 1: return Int.random(in: -5...5, using: &random)
        case 2: return Double.random(in: -2...2, using: &random)
        case 3: return Bool.random(using: &random)
        case 4: return NSNull()
        case 5: return (0..<Int.random(in: 0..<4, using: &random)).map { _ in randomValue(&random, depth: depth + 1) }
        default:
            var object: [String: Any] = [:]
            for key in ["id", "title", "steps", "questions", "x", "]\""].shuffled(using: &random).prefix(3) {
                object[key] = randomValue(&random, depth: depth + 1)
            }
            return object
        }
    }

    /// Alters one random place of the manifest tree: a lesson's member removed, retyped or added,
    /// a list element retyped, the outline or builtBy replaced.
    private static func mutate(_ tree: inout [String: Any], _ random: inout SplitMix64) {
        var lessons = tree["lessons"] as? [Any] ?? []
        switch Int.random(in: 0..<6, using: &random) {
        case 0: tree["lessons"] = randomValue(&random)
        case 1: tree["builtBy"] = Bool.random(using: &random) ? nil : randomValue(&random)
        case 2: tree["extra\(Int.random(in: 0..<3, using: &random))"] = randomValue(&random)
        default:
            guard !lessons.isEmpty else { return }
            let at = Int.random(in: 0..<lessons.count, using: &random)
            guard var lesson = lessons[at] as? [String: Any] else {
                lessons[at] = randomValue(&random)
                tree["lessons"] = lessons
                return
            }
            let key = ["id", "title", "steps", "questions", "note"].randomElement(using: &random)!
            switch Int.random(in: 0..<3, using: &random) {
            case 0: lesson[key] = nil
            case 1: lesson[key] = randomValue(&random)
            default:
                if var list = lesson[key] as? [Any], !list.isEmpty {
                    list[Int.random(in: 0..<list.count, using: &random)] = randomValue(&random)
                    lesson[key] = list
                } else {
                    lesson[key] = (0..<3).map { _ in randomValue(&random) }
                }
            }
            lessons[at] = Bool.random(using: &random) ? lesson : randomValue(&random)
            tree["lessons"] = lessons
        }
    }

    @Test("agrees with JSONDecoder on 3,000 randomly altered manifests")
    func agreesWithDecoder() throws {
        var random = SplitMix64(state: 2026_12_03)
        var refused = 0
        for round in 0..<3000 {
            var tree = Self.manifestTree(lessons: 1 + round % 4)
            for _ in 0..<(1 + round % 3) { Self.mutate(&tree, &random) }
            let options: JSONSerialization.WritingOptions = round % 2 == 0 ? [.sortedKeys] : [.prettyPrinted]
            let data = try JSONSerialization.data(withJSONObject: tree, options: options)
            guard (try? PackJSON.decode(PackManifest.Essentials.self, from: data)) != nil else { continue }
            let problem = ManifestOutline.problem(in: data)
            #expect((problem == nil) == decoderAccepts(data), "round \(round): \(problem ?? "accepted")")
            if problem != nil { refused += 1 }
        }
        #expect(refused > 1000)
    }
}
