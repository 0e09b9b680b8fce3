import Foundation

/// A JSON value as I-JSON (RFC 7493) allows it: numbers are IEEE 754 doubles, strings are
/// Unicode scalars (no lone surrogates), object member names are unique.
///
/// Credentials are signed over the JCS form of this tree, so it is parsed and built by hand
/// rather than through `JSONSerialization`, whose `NSNumber`s blur integers, doubles and
/// booleans and whose member order and duplicate handling are unspecified.
public indirect enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number (always a double, as JavaScript and JCS see it).
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, members in the order written (JCS sorts them when serialising).
    case object([(String, JSONValue)])

    /// Two values are equal when their JCS forms are: member order does not matter.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && a.allSatisfy { name, value in b.first { $0.0 == name }?.1 == value }
        default: false
        }
    }

    /// The member `name` of an object; nil for a missing member or a value that is not an object.
    public subscript(name: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == name }?.1
    }

    /// The string, when this is one.
    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The elements, when this is an array.
    public var array: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The members, when this is an object.
    public var members: [(String, JSONValue)]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// A copy of this object with member `name` set (replaced in place, or appended).
    public func setting(_ name: String, to value: JSONValue) -> JSONValue {
        guard case .object(var members) = self else { return self }
        if let index = members.firstIndex(where: { $0.0 == name }) {
            members[index].1 = value
        } else {
            members.append((name, value))
        }
        return .object(members)
    }

    /// A copy of this object without member `name`.
    public func removing(_ name: String) -> JSONValue {
        guard case .object(let members) = self else { return self }
        return .object(members.filter { $0.0 != name })
    }

    /// The value parsed from UTF-8 JSON text; throws `JSONParseError` for anything I-JSON refuses.
    public static func parse(_ data: Data) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: Array(data))
        return try parser.document()
    }

    /// The value parsed from JSON text.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Data(text.utf8))
    }
}

/// Why JSON text was refused, with the byte offset where reading stopped.
public struct JSONParseError: Error, Sendable, Equatable {
    /// What is wrong.
    public enum Reason: String, Sendable {
        /// Not JSON at this point.
        case syntax
        /// Text after the value.
        case trailing
        /// A member name appears twice in one object.
        case duplicateName
        /// A `\u` escape leaves a lone surrogate, or the bytes are not UTF-8.
        case invalidText
        /// A number beyond a double's range.
        case numberOutOfRange
        /// Nested deeper than a credential ever is.
        case tooDeep
    }

    /// What is wrong.
    public var reason: Reason
    /// Byte offset in the input.
    public var offset: Int
}
