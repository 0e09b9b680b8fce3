import CourseModel
import Localization
import MarkdownSyntax
import Yams

/// A YAML mapping's keys and values with their positions, read with diagnostics instead of throws.
struct YAMLFields {
    /// One `key: value` entry.
    struct Field {
        var key: String
        var keyPosition: SourcePosition
        var value: Node
        var valuePosition: SourcePosition
    }

    /// Entries in file order.
    private(set) var fields: [Field]
    /// Where the mapping is, for "missing key" reports.
    let position: SourcePosition
    /// The line of the YAML's first line in the file, minus one.
    let lineOffset: Int

    /// Parses `yaml` (whose first line is file line `lineOffset + 1`) into a mapping; reports syntax errors.
    static func parse(
        _ yaml: String, lineOffset: Int, at position: SourcePosition, what: Phrase, reporter: inout Reporter
    ) -> YAMLFields? {
        let node: Node?
        do {
            // Values are read as text here; skipping the tag-resolving regexes makes parsing much cheaper.
            node = try Yams.compose(yaml: yaml, Resolver.basic)
        } catch let error as YamlError {
            let (message, mark) = describe(error)
            let place = mark.map { SourcePosition(line: $0.line + lineOffset, column: $0.column) } ?? position
            reporter.error(CompilerText.yamlSyntax(what, message), at: place, hint: CompilerText.yamlSyntaxHint)
            return nil
        } catch {
            reporter.error(CompilerText.yamlSyntax(what), at: position)
            return nil
        }
        guard let node, case .mapping(let mapping) = node else {
            reporter.error(CompilerText.notAMapping(what), at: position)
            return nil
        }
        var fields: [Field] = []
        for (key, value) in mapping {
            let keyPosition = Self.position(of: key, lineOffset: lineOffset, fallback: position)
            fields.append(
                Field(
                    key: VietnameseText.nfc(key.scalar?.string ?? ""), keyPosition: keyPosition, value: value,
                    valuePosition: Self.position(of: value, lineOffset: lineOffset, fallback: keyPosition)))
        }
        return YAMLFields(fields: fields, position: position, lineOffset: lineOffset)
    }

    static func position(of node: Node, lineOffset: Int, fallback: SourcePosition) -> SourcePosition {
        guard let mark = node.mark else { return fallback }
        return SourcePosition(line: mark.line + lineOffset, column: mark.column)
    }

    func position(of node: Node, fallback: SourcePosition) -> SourcePosition {
        Self.position(of: node, lineOffset: lineOffset, fallback: fallback)
    }

    private static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return (problem, mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ("duplicate key '\(duplicates.joined(separator: "', '"))'", context.mark)
        case .reader(let problem, _, _, _):
            return (problem, nil)
        default:
            return ("\(error)", nil)
        }
    }

    subscript(key: String) -> Field? { fields.first { $0.key == key } }

    /// Reports keys not in `known` (warning, with the nearest known key) and `required` keys that are absent.
    func check(known: [String], required: [String], what: Phrase, reporter: inout Reporter) {
        for field in fields where !known.contains(field.key) {
            let guess = Spelling.nearest(to: field.key, in: known)
            reporter.warning(
                CompilerText.unknownKey(field.key, what), at: field.keyPosition,
                hint: guess.map(CompilerText.didYouMean) ?? CompilerText.knownKeys(known))
        }
        for key in required where self[key] == nil {
            reporter.error(CompilerText.missingKey(key, what), at: position, hint: CompilerText.missingKeyHint(key))
        }
    }

    /// The value of `key` as text; reports a value that is not a plain scalar.
    func string(_ key: String, reporter: inout Reporter) -> String? {
        guard let field = self[key] else { return nil }
        guard case .scalar(let scalar) = field.value else {
            reporter.error(CompilerText.mustBeText(key), at: field.valuePosition)
            return nil
        }
        return VietnameseText.nfc(scalar.string)
    }

    /// The value of `key` as a list of texts; a single text is accepted as a list of one.
    func strings(_ key: String, reporter: inout Reporter) -> [(String, SourcePosition)]? {
        guard let field = self[key] else { return nil }
        switch field.value {
        case .scalar(let scalar): return [(VietnameseText.nfc(scalar.string), field.valuePosition)]
        case .sequence(let sequence):
            var out: [(String, SourcePosition)] = []
            for item in sequence {
                let place = position(of: item, fallback: field.valuePosition)
                guard case .scalar(let scalar) = item else {
                    reporter.error(CompilerText.entryMustBeText(key), at: place)
                    continue
                }
                out.append((VietnameseText.nfc(scalar.string), place))
            }
            return out
        default:
            reporter.error(CompilerText.mustBeList(key), at: field.valuePosition, hint: CompilerText.mustBeListHint)
            return nil
        }
    }

    /// The value of `key` as a number (decimal point or comma).
    func number(_ key: String, reporter: inout Reporter) -> Double? {
        guard let text = string(key, reporter: &reporter), let field = self[key] else { return nil }
        guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite else {
            reporter.error(CompilerText.mustBeNumber(key, text), at: field.valuePosition)
            return nil
        }
        return value
    }

    /// The value of `key` as `true` or `false`.
    func bool(_ key: String, reporter: inout Reporter) -> Bool? {
        guard let text = string(key, reporter: &reporter), let field = self[key] else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            reporter.error(CompilerText.mustBeBool(key, text), at: field.valuePosition)
            return nil
        }
    }

    /// The value of `key` as a positive integer.
    func positiveInt(_ key: String, reporter: inout Reporter) -> Int? {
        guard let text = string(key, reporter: &reporter), let field = self[key] else { return nil }
        guard let value = Int(text), value > 0 else {
            reporter.error(CompilerText.mustBePositive(key, text), at: field.valuePosition)
            return nil
        }
        return value
    }

    /// A pass mark in 0–1.
    func passMark(reporter: inout Reporter) -> Double? {
        guard let value = number("pass", reporter: &reporter), let field = self["pass"] else { return nil }
        guard (0...1).contains(value) else {
            reporter.error(
                CompilerText.passOutOfRange(field.value.scalar?.string ?? ""), at: field.valuePosition,
                hint: value > 1 && value <= 100 ? CompilerText.passAsShare("\(value / 100)") : CompilerText.passBetween)
            return nil
        }
        return value
    }
}
