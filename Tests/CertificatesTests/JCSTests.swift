import Certificates
import Foundation
import Testing

@Suite struct JCSTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/certificates/jcs")

    /// The test data of RFC 8785's author (cyberphone/json-canonicalization): each input
    /// canonicalises to exactly the published output bytes.
    @Test(arguments: ["arrays", "french", "structures", "unicode", "values", "weird"])
    func publishedTestDataCanonicalisesByteForByte(_ name: String) throws {
        let input = try Data(contentsOf: Self.fixtures.appendingPathComponent("input/\(name).json"))
        let expected = try Data(contentsOf: Self.fixtures.appendingPathComponent("output/\(name).json"))
        let canonical = try JCS.canonicalize(try JSONValue.parse(input))
        #expect(String(decoding: canonical, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(canonical == expected)
    }

    /// Number serialisation as RFC 8785 Appendix B lists it (IEEE 754 bits → ECMAScript text),
    /// plus the layout boundaries of ECMAScript's Number.prototype.toString.
    static let numbers: [(String, UInt64?, Double?, String)] = [
        ("zero", 0x0000_0000_0000_0000, nil, "0"),
        ("minus zero", 0x8000_0000_0000_0000, nil, "0"),
        ("min positive", 0x0000_0000_0000_0001, nil, "5e-324"),
        ("min negative", 0x8000_0000_0000_0001, nil, "-5e-324"),
        ("max positive", 0x7FEF_FFFF_FFFF_FFFF, nil, "1.7976931348623157e+308"),
        ("max negative", 0xFFEF_FFFF_FFFF_FFFF, nil, "-1.7976931348623157e+308"),
        ("max safe integer", 0x4340_0000_0000_0000, nil, "9007199254740992"),
        ("min safe integer", 0xC340_0000_0000_0000, nil, "-9007199254740992"),
        ("~2**68", 0x4430_0000_0000_0000, nil, "295147905179352830000"),
        ("appendix b 1", 0x44B5_2D02_C7E1_4AF5, nil, "9.999999999999997e+22"),
        ("appendix b 2", 0x44B5_2D02_C7E1_4AF6, nil, "1e+23"),
        ("appendix b 3", 0x44B5_2D02_C7E1_4AF7, nil, "1.0000000000000001e+23"),
        ("appendix b 4", 0x444B_1AE4_D6E2_EF4E, nil, "999999999999999700000"),
        ("appendix b 5", 0x444B_1AE4_D6E2_EF4F, nil, "999999999999999900000"),
        ("appendix b 6", 0x444B_1AE4_D6E2_EF50, nil, "1e+21"),
        ("appendix b 7", 0x3EB0_C6F7_A0B5_ED8C, nil, "9.999999999999997e-7"),
        ("appendix b 8", 0x3EB0_C6F7_A0B5_ED8D, nil, "0.000001"),
        ("appendix b 9", 0x41B3_DE43_5555_5553, nil, "333333333.3333332"),
        ("appendix b 10", 0x41B3_DE43_5555_5554, nil, "333333333.33333325"),
        ("appendix b 11", 0x41B3_DE43_5555_5555, nil, "333333333.3333333"),
        ("appendix b 12", 0x41B3_DE43_5555_5556, nil, "333333333.3333334"),
        ("appendix b 13", 0x41B3_DE43_5555_5557, nil, "333333333.33333343"),
        ("appendix b 14", 0xBECB_F647_612F_3696, nil, "-0.0000033333333333333333"),
        ("appendix b 15", 0x4314_3FF3_C1CB_0959, nil, "1424953923781206.2"),
        ("one", nil, 1, "1"),
        ("one and a half", nil, 1.5, "1.5"),
        ("a hundred", nil, 100, "100"),
        ("1e21 boundary below", nil, 1e20, "100000000000000000000"),
        ("small fraction", nil, 0.001, "0.001"),
        ("exponent just below", nil, 1e-7, "1e-7"),
        ("negative mixed", nil, -12.25, "-12.25"),
        ("exponent with digits", nil, 1.25e-10, "1.25e-10"),
    ]

    @Test(arguments: numbers)
    func numbersAreWrittenAsECMAScriptWritesThem(_ name: String, _ bits: UInt64?, _ value: Double?, _ text: String)
        throws
    {
        let number = bits.map(Double.init(bitPattern:)) ?? value ?? .nan
        #expect(try JCS.format(number) == text, "\(name)")
    }

    @Test func notANumberHasNoCanonicalForm() {
        #expect(throws: JCSError.notFinite) { try JCS.format(.nan) }
        #expect(throws: JCSError.notFinite) { try JCS.format(.infinity) }
    }

    /// Member names sort by UTF-16 code units: a name beyond the BMP (a surrogate pair, 0xD8…)
    /// sorts before U+FB33 though its scalar value is larger (RFC 8785 §3.2.3's own example).
    @Test func namesSortByUTF16CodeUnitsNotScalars() throws {
        let value = try JSONValue.parse(#"{"\ufb33":1,"\ud83d\ude00":2,"\u20ac":3,"\r":4,"1":5,"\u0080":6,"\u00f6":7}"#)
        #expect(try JCS.string(value) == "{\"\\r\":4,\"1\":5,\"\u{80}\":6,\"ö\":7,\"€\":3,\"😀\":2,\"דּ\":1}")
    }

    @Test(arguments: [
        (#"{"a":1,"a":2}"#, JSONParseError.Reason.duplicateName),
        (#"["\ud800"]"#, .invalidText),
        ("[1e400]", .numberOutOfRange),
        ("[01]", .syntax),
        ("[1,]", .syntax),
        ("{} x", .trailing),
    ])
    func iJSONRefusesWhatHasNoSingleMeaning(_ text: String, _ reason: JSONParseError.Reason) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
        do { _ = try JSONValue.parse(text) } catch { #expect(error.reason == reason) }
    }

    /// `\u` takes exactly four hex digits; the parser once read `\u+041` as `A` and `\u-000` as
    /// NUL, because Swift's integer parsing accepts a sign.
    @Test(arguments: [#"["\u+041"]"#, #"["\u-000"]"#, #"["\u+ab"]"#])
    func aUnicodeEscapeWithASignIsRefused(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
    }
}
