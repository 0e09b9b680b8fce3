import Foundation

/// Why `CanonicalJSONReader` stopped: the bytes are not in the canonical form the caller reads,
/// and `JSONDecoder` decides instead.
public struct NotCanonical: Error {
    /// Makes the error.
    public init() {}
}

/// A cursor over JSON bytes for readers of one canonical form — what this project's own
/// `JSONEncoder` configuration writes (sorted keys, no `null`, no unknown keys).
///
/// It is the scanner of the fast paths that read large documents straight into Swift values
/// (`CourseJSON` for `course.json`, `EventLines` for bundle lines): each refuses with
/// `NotCanonical` whatever it is not sure of, and its caller then hands the bytes to
/// `JSONDecoder`, whose verdict is the one that counts. So the scanner takes only what it reads
/// exactly as `JSONDecoder` would — plain integers, JSON numbers read as Swift reads their text,
/// strings of valid UTF-8 without escaped surrogates — and never guesses.
public struct CanonicalJSONReader {
    /// The document.
    public let bytes: UnsafeBufferPointer<UInt8>
    /// Where the next read starts.
    public var position = 0
    /// How many nested values `nested` is inside.
    public var depth = 0

    /// Deeper nesting than any document of ours has; a hostile one stops here, not the stack.
    public static let maxDepth = 64

    /// A reader at the start of `bytes`.
    public init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Where an object's key lies in the bytes, without its quotes.
    public struct Key {
        /// Its first byte.
        public let start: Int
        /// Just past its last byte.
        public let end: Int

        @usableFromInline init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    /// The next byte, 0 at the end.
    @inlinable public var peek: UInt8 { position < bytes.count ? bytes[position] : 0 }

    /// Passes over JSON whitespace.
    @inlinable public mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// Consumes `byte` if it comes next.
    @inlinable public mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte, position < bytes.count else { return false }
        position += 1
        return true
    }

    /// Whether `key` is `name`, byte for byte.
    @inlinable public func matches(_ key: Key, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        guard key.end - key.start == count else { return false }
        let expected = name.utf8Start
        for offset in 0..<count where bytes[key.start + offset] != expected[offset] { return false }
        return true
    }

    /// Reads a value into a slot that must still be empty: a repeated key — or a second variant
    /// key of an enum written as an object — is not canonical.
    @inlinable public mutating func once<T>(_ slot: inout T?, _ read: (inout Self) throws(NotCanonical) -> T)
        throws(NotCanonical)
    {
        guard slot == nil else { throw NotCanonical() }
        slot = try read(&self)
    }

    /// Reads a value one level deeper (a recursive type: a block, an inline), refusing nesting past `maxDepth`.
    @inlinable public mutating func nested(_ read: (inout Self) throws(NotCanonical) -> Void) throws(NotCanonical) {
        depth += 1
        guard depth <= Self.maxDepth else { throw NotCanonical() }
        try read(&self)
        depth -= 1
    }

    /// Reads the value at `range` again, now that its type is known; it must end where it did.
    @inlinable public func reread<T>(at range: Range<Int>, _ read: (inout Self) throws(NotCanonical) -> T)
        throws(NotCanonical) -> T
    {
        var again = self
        again.position = range.lowerBound
        let value = try read(&again)
        guard again.position == range.upperBound else { throw NotCanonical() }
        return value
    }

    /// Calls `body` with each key of an object, positioned at its value, which `body` consumes.
    @inlinable public mutating func members(_ body: (inout Self, Key) throws(NotCanonical) -> Void) throws(NotCanonical)
    {
        skipWhitespace()
        guard take(UInt8(ascii: "{")) else { throw NotCanonical() }
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return }
        while true {
            skipWhitespace()
            guard take(UInt8(ascii: "\"")) else { throw NotCanonical() }
            let start = position
            while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
                // Keys the reader knows are plain ASCII; an escaped one goes to JSONDecoder.
                guard bytes[position] != UInt8(ascii: "\\"), bytes[position] >= 0x20 else { throw NotCanonical() }
                position += 1
            }
            let key = Key(start: start, end: position)
            guard take(UInt8(ascii: "\"")) else { throw NotCanonical() }
            skipWhitespace()
            guard take(UInt8(ascii: ":")) else { throw NotCanonical() }
            try body(&self, key)
            skipWhitespace()
            if take(UInt8(ascii: ",")) { continue }
            if take(UInt8(ascii: "}")) { return }
            throw NotCanonical()
        }
    }

    /// An array, each element read by `element`.
    @inlinable public mutating func array<T>(_ element: (inout Self) throws(NotCanonical) -> T) throws(NotCanonical)
        -> [T]
    {
        skipWhitespace()
        guard take(UInt8(ascii: "[")) else { throw NotCanonical() }
        var elements: [T] = []
        skipWhitespace()
        if take(UInt8(ascii: "]")) { return elements }
        while true {
            elements.append(try element(&self))
            skipWhitespace()
            if take(UInt8(ascii: ",")) { continue }
            if take(UInt8(ascii: "]")) { return elements }
            throw NotCanonical()
        }
    }

    /// An array of strings.
    @inlinable public mutating func strings() throws(NotCanonical) -> [String] {
        try array { r throws(NotCanonical) in try r.string() }
    }

    /// A string: its escapes read, its UTF-8 validated.
    @inlinable public mutating func string() throws(NotCanonical) -> String {
        skipWhitespace()
        guard take(UInt8(ascii: "\"")) else { throw NotCanonical() }
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return try Self.text(UnsafeBufferPointer(rebasing: bytes[start..<position - 1]))
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            guard byte >= 0x20 else { throw NotCanonical() }
            position += 1
        }
        throw NotCanonical()
    }

    /// The rest of a string that holds escapes, from its first byte at `start`.
    @usableFromInline mutating func escapedString(from start: Int) throws(NotCanonical) -> String {
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try utf8.withUnsafeBufferPointer { buffer throws(NotCanonical) in try Self.text(buffer) }
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { throw NotCanonical() }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    // Surrogate pairs are left to JSONDecoder; the compiler writes such text as UTF-8.
                    guard let scalar = Unicode.Scalar(try hex4()) else { throw NotCanonical() }
                    utf8.append(contentsOf: UTF8.encode(scalar)!)
                default: throw NotCanonical()
                }
            default:
                guard byte >= 0x20 else { throw NotCanonical() }
                utf8.append(byte)
            }
        }
        throw NotCanonical()
    }

    @usableFromInline mutating func hex4() throws(NotCanonical) -> UInt32 {
        guard position + 4 <= bytes.count else { throw NotCanonical() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            position += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw NotCanonical()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    @inlinable static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    @usableFromInline static func text(_ utf8: UnsafeBufferPointer<UInt8>) throws(NotCanonical) -> String {
        guard let text = String(validating: utf8, as: UTF8.self) else { throw NotCanonical() }
        return text
    }

    /// A plain integer (`0`, `12`, `-3`); fractions, exponents and `-0` go to JSONDecoder.
    @inlinable public mutating func int() throws(NotCanonical) -> Int {
        skipWhitespace()
        let negative = take(UInt8(ascii: "-"))
        guard position < bytes.count, Self.isDigit(bytes[position]) else {
            throw NotCanonical()
        }
        var value = 0
        if bytes[position] == UInt8(ascii: "0") {
            guard !negative else { throw NotCanonical() }
            position += 1
        } else {
            while position < bytes.count, Self.isDigit(bytes[position]) {
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let digit = Int(bytes[position] - UInt8(ascii: "0"))
                let (next, o2) =
                    negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
                guard !o1, !o2 else { throw NotCanonical() }
                value = next
                position += 1
            }
        }
        switch peek {
        case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            throw NotCanonical()
        default: return value
        }
    }

    /// A JSON number, read as Swift reads its text; infinities go to JSONDecoder.
    @inlinable public mutating func double() throws(NotCanonical) -> Double {
        skipWhitespace()
        let start = position
        func digits(_ r: inout Self) -> Int {
            let from = r.position
            while r.position < r.bytes.count, Self.isDigit(r.bytes[r.position]) {
                r.position += 1
            }
            return r.position - from
        }
        _ = take(UInt8(ascii: "-"))
        let whole = position
        guard digits(&self) > 0 else { throw NotCanonical() }
        guard bytes[whole] != UInt8(ascii: "0") || position - whole == 1 else { throw NotCanonical() }
        if take(UInt8(ascii: ".")) {
            guard digits(&self) > 0 else { throw NotCanonical() }
        }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            guard digits(&self) > 0 else { throw NotCanonical() }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw NotCanonical() }
        return value
    }

    /// `true` or `false`.
    @inlinable public mutating func bool() throws(NotCanonical) -> Bool {
        if literal("true") { return true }
        if literal("false") { return false }
        throw NotCanonical()
    }

    /// `value` for `true`, the only value the compiler writes under `hr` and `br`.
    @inlinable public mutating func trueLiteral<T>(_ value: T) throws(NotCanonical) -> T {
        guard literal("true") else { throw NotCanonical() }
        return value
    }

    @usableFromInline mutating func literal(_ word: StaticString) -> Bool {
        skipWhitespace()
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { return false }
        position += count
        return true
    }

    /// A string naming a case of `T`.
    @inlinable public mutating func rawValue<T: RawRepresentable>() throws(NotCanonical) -> T
    where T.RawValue == String {
        guard let value = T(rawValue: try string()) else { throw NotCanonical() }
        return value
    }

    /// Passes over one value of any kind without reading it (bracket depth is counted, not
    /// recursed, so no nesting can exhaust the stack). Whoever reads those bytes validates them.
    @inlinable public mutating func skipValue() throws(NotCanonical) {
        skipWhitespace()
        var level = 0
        repeat {
            guard position < bytes.count else { throw NotCanonical() }
            switch bytes[position] {
            case UInt8(ascii: "\""):
                position += 1
                while true {
                    guard position < bytes.count else { throw NotCanonical() }
                    let byte = bytes[position]
                    position += byte == UInt8(ascii: "\\") ? 2 : 1
                    if byte == UInt8(ascii: "\"") { break }
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                level += 1
                position += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard level > 0 else { throw NotCanonical() }
                level -= 1
                position += 1
            default:
                guard level == 0 else {
                    position += 1  // inside brackets every other byte is passed over one by one
                    continue
                }
                let from = position
                while position < bytes.count {
                    switch bytes[position] {
                    case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: break
                    default:
                        position += 1
                        continue
                    }
                    break
                }
                guard position > from else { throw NotCanonical() }
                return
            }
        } while level > 0
    }
}
