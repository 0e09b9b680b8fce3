import Testing

@testable import LearnerClient

/// What terminals send, byte for byte, and the keys it means.
struct KeyDecoderTests {
    static let cases: [(String, [UInt8], [Key])] = [
        ("letter", Array("a".utf8), [.character("a")]),
        ("vietnamese letter", Array("ệ".utf8), [.character("ệ")]),
        ("digit", Array("7".utf8), [.character("7")]),
        ("space", [0x20], [.space]),
        ("enter CR", [0x0D], [.enter]),
        ("enter LF", [0x0A], [.enter]),
        ("backspace DEL", [0x7F], [.backspace]),
        ("backspace ^H", [0x08], [.backspace]),
        ("tab", [0x09], [.tab]),
        ("ctrl-c", [0x03], [.interrupt]),
        ("ctrl-t", [0x14], [.toggleInputMethod]),
        ("arrow up", [0x1B, 0x5B, 0x41], [.up]),
        ("arrow down (application mode)", [0x1B, 0x4F, 0x42], [.down]),
        ("arrow right", Array("\u{1B}[C".utf8), [.right]),
        ("arrow left", Array("\u{1B}[D".utf8), [.left]),
        ("shift up", Array("\u{1B}[1;2A".utf8), [.shiftUp]),
        ("shift down", Array("\u{1B}[1;2B".utf8), [.shiftDown]),
        ("F2 xterm", Array("\u{1B}OQ".utf8), [.function(2)]),
        ("F2 linux console", Array("\u{1B}[[B".utf8), [.function(2)]),
        ("F5", Array("\u{1B}[15~".utf8), [.function(5)]),
        ("page down", Array("\u{1B}[6~".utf8), [.pageDown]),
        ("several keys in one read", Array("ab\u{1B}[A\r".utf8), [.character("a"), .character("b"), .up, .enter]),
    ]

    @Test(arguments: cases)
    func decodes(name: String, bytes: [UInt8], keys: [Key]) {
        var decoder = KeyDecoder()
        #expect(decoder.feed(bytes) == keys, "\(name)")
        #expect(!decoder.hasPending)
    }

    @Test func waitsForTheRestOfASplitCharacter() {
        var decoder = KeyDecoder()
        let bytes = Array("ư".utf8)
        #expect(decoder.feed(bytes.prefix(1)) == [])
        #expect(decoder.feed(bytes.dropFirst()) == [.character("ư")])
    }

    @Test func loneEscapeIsKnownOnlyAfterAQuietTime() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B]) == [])
        #expect(decoder.flush() == [.escape])
    }

    @Test func splitEscapeSequence() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B, 0x5B]) == [])
        #expect(decoder.feed([0x42]) == [.down])
    }
}
