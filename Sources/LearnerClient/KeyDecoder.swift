/// Turns the bytes a terminal sends into keys.
///
/// Bytes arrive in arbitrary chunks (a UTF-8 character or an escape sequence may be split
/// between two reads), so the decoder keeps what it could not finish and waits for more.
/// A lone Escape is only known to be lone when no more bytes follow soon: the reader calls
/// `flush()` after a short quiet time.
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []
    /// Inside a bracketed paste (`ESC [200~` … `ESC [201~`): bytes are text, not keys.
    private var pasting = false
    /// The most bytes one paste keeps (an answer holds far fewer characters anyway).
    static let pasteLimit = 64 * 1024
    static let pasteEnd: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]

    /// Makes an empty decoder.
    public init() {}

    /// Whether bytes are waiting for the rest of a sequence.
    public var hasPending: Bool { !pending.isEmpty }

    /// Feeds bytes and returns the keys they complete.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Key] {
        pending.append(contentsOf: bytes)
        var keys: [Key] = []
        while !pending.isEmpty {
            if pasting {
                guard let paste = takePaste() else { return keys }
                keys.append(paste)
                continue
            }
            switch Self.decodeOne(pending[...]) {
            case .key(.function(200), let used):
                pasting = true
                pending.removeFirst(used)
            case .key(.function(201), let used):
                pending.removeFirst(used)
            case .key(let key, let used):
                keys.append(key)
                pending.removeFirst(used)
            case .skip(let used):
                pending.removeFirst(used)
            case .incomplete:
                return keys
            }
        }
        return keys
    }

    /// The pasted text up to the end marker, once it has arrived (or the paste is too long).
    private mutating func takePaste() -> Key? {
        let end = Self.pasteEnd
        var found: Int?
        if pending.count >= end.count {
            for start in 0...(pending.count - end.count) where pending[start] == 0x1B {
                if Array(pending[start..<start + end.count]) == end {
                    found = start
                    break
                }
            }
        }
        guard let stop = found ?? (pending.count > Self.pasteLimit ? Self.pasteLimit : nil) else { return nil }
        let text = String(decoding: pending[..<stop], as: UTF8.self)
        pending.removeFirst(found == nil ? stop : stop + end.count)
        pasting = found == nil
        return .paste(text)
    }

    /// Gives up waiting: an unfinished escape sequence becomes Escape (and what follows is decoded).
    public mutating func flush() -> [Key] {
        guard !pending.isEmpty, !pasting else { return [] }
        var keys: [Key] = []
        if pending.first == 0x1B {
            keys.append(.escape)
            pending.removeFirst()
            keys += feed([])
        }
        // Whatever still cannot be decoded (a truncated UTF-8 character) is dropped.
        pending.removeAll()
        return keys
    }

    enum Step {
        case key(Key, Int)
        case skip(Int)
        case incomplete
    }

    static func decodeOne(_ b: ArraySlice<UInt8>) -> Step {
        guard let first = b.first else { return .incomplete }
        switch first {
        case 0x1B: return decodeEscape(b)
        case 0x0D, 0x0A: return .key(.enter, 1)
        case 0x7F, 0x08: return .key(.backspace, 1)
        case 0x09: return .key(.tab, 1)
        case 0x00: return .skip(1)
        case 0x01...0x1A:
            return .key(.control(Character(Unicode.Scalar(first + 0x60))), 1)
        case 0x1C...0x1F: return .skip(1)
        default: return decodeUTF8(b)
        }
    }

    private static func decodeUTF8(_ b: ArraySlice<UInt8>) -> Step {
        guard let first = b.first else { return .incomplete }
        let length: Int
        switch first {
        case 0x20...0x7E: return .key(.character(Character(Unicode.Scalar(first))), 1)
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return .skip(1)
        }
        guard b.count >= length else { return .incomplete }
        let bytes = Array(b.prefix(length))
        guard bytes.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }) else { return .skip(1) }
        guard let scalar = String(validating: bytes, as: UTF8.self)?.unicodeScalars.first else { return .skip(length) }
        // A combining mark typed on its own (an input method sending NFD) still arrives as a character;
        // the text field joins it to the previous letter.
        return .key(.character(Character(scalar)), length)
    }

    private static func decodeEscape(_ b: ArraySlice<UInt8>) -> Step {
        let start = b.startIndex
        guard b.count >= 2 else { return .incomplete }
        let second = b[start + 1]
        switch second {
        case UInt8(ascii: "["):
            return decodeCSI(b)
        case UInt8(ascii: "O"):
            guard b.count >= 3 else { return .incomplete }
            let key: Key? =
                switch b[start + 2] {
                case UInt8(ascii: "A"): .up
                case UInt8(ascii: "B"): .down
                case UInt8(ascii: "C"): .right
                case UInt8(ascii: "D"): .left
                case UInt8(ascii: "H"): .home
                case UInt8(ascii: "F"): .end
                case UInt8(ascii: "P"): .function(1)
                case UInt8(ascii: "Q"): .function(2)
                case UInt8(ascii: "R"): .function(3)
                case UInt8(ascii: "S"): .function(4)
                default: nil
                }
            return key.map { .key($0, 3) } ?? .skip(3)
        case 0x1B:
            // Escape pressed twice: the first is a lone Escape.
            return .key(.escape, 1)
        default:
            // Alt + key: report the key itself, Alt is of no use here.
            return .key(.escape, 1)
        }
    }

    /// `ESC [` parameters final: arrows (`ESC[A`, `ESC[1;2A` with Shift), `ESC[15~` (F5), Linux console `ESC[[B` (F2).
    private static func decodeCSI(_ b: ArraySlice<UInt8>) -> Step {
        let start = b.startIndex
        var i = start + 2
        if i < b.endIndex, b[i] == UInt8(ascii: "[") {
            // Linux console F1–F5: ESC [ [ A … E.
            guard i + 1 < b.endIndex else { return .incomplete }
            let n = Int(b[i + 1]) - Int(UInt8(ascii: "A")) + 1
            return (1...5).contains(n) ? .key(.function(n), 4) : .skip(4)
        }
        var params: [Int] = []
        var current: Int?
        while i < b.endIndex {
            let c = b[i]
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                current = (current ?? 0) * 10 + Int(c - UInt8(ascii: "0"))
            case UInt8(ascii: ";"):
                params.append(current ?? 1)
                current = nil
            case 0x40...0x7E:
                if let current { params.append(current) }
                let used = i - start + 1
                return csiKey(final: c, params: params).map { .key($0, used) } ?? .skip(used)
            default:
                return .skip(i - start + 1)
            }
            i += 1
            if i - start > 16 { return .skip(i - start) }
        }
        return .incomplete
    }

    private static func csiKey(final: UInt8, params: [Int]) -> Key? {
        let shifted = params.count >= 2 && (params[1] - 1) & 1 == 1
        switch final {
        case UInt8(ascii: "A"): return shifted ? .shiftUp : .up
        case UInt8(ascii: "B"): return shifted ? .shiftDown : .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "P"): return .function(1)
        case UInt8(ascii: "Q"): return .function(2)
        case UInt8(ascii: "R"): return .function(3)
        case UInt8(ascii: "S"): return .function(4)
        case UInt8(ascii: "~"):
            switch params.first ?? 0 {
            case 1, 7: return .home
            case 3: return .delete
            case 4, 8: return .end
            case 5: return .pageUp
            case 6: return .pageDown
            case 11: return .function(1)
            case 12: return .function(2)
            case 13: return .function(3)
            case 14: return .function(4)
            case 15: return .function(5)
            case 17: return .function(6)
            case 18: return .function(7)
            case 19: return .function(8)
            case 20: return .function(9)
            case 21: return .function(10)
            case 23: return .function(11)
            case 24: return .function(12)
            // Bracketed paste's start and end markers, taken apart by `feed`.
            case 200: return .function(200)
            case 201: return .function(201)
            default: return nil
            }
        default: return nil
        }
    }
}
