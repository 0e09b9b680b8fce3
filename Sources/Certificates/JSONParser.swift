import Foundation

/// A strict recursive-descent JSON reader (RFC 8259) with I-JSON's extra refusals: duplicate
/// member names, lone surrogates, numbers that overflow a double.
struct JSONParser {
    let bytes: [UInt8]
    var index = 0
    var depth = 0

    /// The most nesting accepted; a credential is about six deep.
    static let maxDepth = 64

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func document() throws(JSONParseError) -> JSONValue {
        skipSpace()
        let value = try value()
        skipSpace()
        guard index == bytes.count else { throw fail(.trailing) }
        return value
    }

    private func fail(_ reason: JSONParseError.Reason) -> JSONParseError {
        JSONParseError(reason: reason, offset: index)
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func expect(_ literal: String) throws(JSONParseError) {
        for byte in literal.utf8 {
            guard index < bytes.count, bytes[index] == byte else { throw fail(.syntax) }
            index += 1
        }
    }

    private mutating func value() throws(JSONParseError) -> JSONValue {
        guard index < bytes.count else { throw fail(.syntax) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try expect("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expect("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expect("null")
            return .null
        default: return .number(try number())
        }
    }

    private mutating func nest() throws(JSONParseError) {
        depth += 1
        guard depth <= Self.maxDepth else { throw fail(.tooDeep) }
        index += 1
        skipSpace()
    }

    private mutating func object() throws(JSONParseError) -> JSONValue {
        try nest()
        defer { depth -= 1 }
        var members: [(String, JSONValue)] = []
        var names = Set<String>()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail(.syntax) }
            let start = index
            let name = try string()
            guard names.insert(name).inserted else { throw JSONParseError(reason: .duplicateName, offset: start) }
            skipSpace()
            try expect(":")
            skipSpace()
            members.append((name, try value()))
            skipSpace()
            guard index < bytes.count else { throw fail(.syntax) }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipSpace()
                continue
            }
            try expect("}")
            return .object(members)
        }
    }

    private mutating func array() throws(JSONParseError) -> JSONValue {
        try nest()
        defer { depth -= 1 }
        var elements: [JSONValue] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            elements.append(try value())
            skipSpace()
            guard index < bytes.count else { throw fail(.syntax) }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipSpace()
                continue
            }
            try expect("]")
            return .array(elements)
        }
    }

    private mutating func string() throws(JSONParseError) -> String {
        index += 1  // the opening quote
        var units: [UInt16] = []
        var run: [UInt8] = []  // raw UTF-8 since the last escape
        func flush() throws(JSONParseError) {
            guard !run.isEmpty else { return }
            guard let text = String(validating: run, as: UTF8.self) else { throw fail(.invalidText) }
            units.append(contentsOf: text.utf16)
            run.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                try flush()
                index += 1
                // Lone surrogates from `\u` escapes fail here: Swift strings hold scalars only.
                guard let text = String(validating: units, as: UTF16.self) else { throw fail(.invalidText) }
                return text
            case UInt8(ascii: "\\"):
                try flush()
                index += 1
                guard index < bytes.count else { throw fail(.syntax) }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): units.append(0x22)
                case UInt8(ascii: "\\"): units.append(0x5C)
                case UInt8(ascii: "/"): units.append(0x2F)
                case UInt8(ascii: "b"): units.append(0x08)
                case UInt8(ascii: "f"): units.append(0x0C)
                case UInt8(ascii: "n"): units.append(0x0A)
                case UInt8(ascii: "r"): units.append(0x0D)
                case UInt8(ascii: "t"): units.append(0x09)
                case UInt8(ascii: "u"):
                    // Four hex digits exactly: `UInt16(_:radix:)` alone would also take a sign (`\u+041`).
                    guard index + 4 <= bytes.count, bytes[index..<index + 4].allSatisfy(\.isHexDigit),
                        let unit = UInt16(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
                    else { throw fail(.syntax) }
                    units.append(unit)
                    index += 4
                default: throw fail(.syntax)
                }
            case 0..<0x20: throw fail(.syntax)
            default:
                run.append(byte)
                index += 1
            }
        }
        throw fail(.syntax)
    }

    private mutating func number() throws(JSONParseError) -> Double {
        let start = index
        func digits() -> Int {
            let from = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - from
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let leading = index
        guard digits() > 0 else { throw fail(.syntax) }
        if bytes[leading] == UInt8(ascii: "0"), index - leading > 1 { throw fail(.syntax) }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw fail(.syntax) }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits() > 0 else { throw fail(.syntax) }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw JSONParseError(reason: .numberOutOfRange, offset: start)
        }
        return value
    }
}

extension UInt8 {
    /// Whether the byte is an ASCII hex digit.
    fileprivate var isHexDigit: Bool {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"):
            true
        default: false
        }
    }
}
