import CourseModel

/// How many terminal columns text takes: NFC first (so `ệ` is one column, not three code
/// points), combining marks take none, East Asian wide characters and emoji take two.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        VietnameseText.nfc(text).reduce(0) { $0 + of($1) }
    }

    static func of(_ ch: Character) -> Int {
        guard let first = ch.unicodeScalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark {
            return 0
        }
        if first.properties.isEmojiPresentation { return 2 }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default: return 1
        }
    }

    /// `text` cut to at most `width` columns, with `…` when cut.
    static func truncate(_ text: String, to width: Int) -> String {
        let nfc = VietnameseText.nfc(text)
        guard of(nfc) > width else { return nfc }
        var out = ""
        var used = 0
        for ch in nfc {
            let w = of(ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    /// `text` padded with spaces to `width` columns, on the right (left-aligned) or the left.
    static func pad(_ text: String, to width: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - of(text)))
        return right ? fill + text : text + fill
    }
}
