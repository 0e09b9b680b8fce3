/// The fast path of `VietnameseText.strippingDiacritics` for text made of ASCII and Latin
/// letters, which is all of Vietnamese: each letter goes straight to its ASCII base through a
/// table instead of a round trip through Foundation's decomposition and composition. Install
/// indexes every word of a course for search, so the fold runs over the whole course.
///
/// The table is filled by the plain path itself, one scalar at a time, and keeps only scalars
/// whose stripped form is at most two ASCII characters; any other scalar sends the whole text
/// back to the plain path. Both give the same string because the plain path's only work on
/// such text is dropping marks (NFD reorders marks among themselves, never past an ASCII
/// letter, and NFC leaves ASCII alone). `theLatinTableStripsLikeDecomposing` holds them to it.
enum LatinFolding {
    /// The blocks the table covers: Latin-1 Supplement, Latin Extended-A and -B, the combining
    /// diacritics, Latin Extended Additional (Vietnamese's precomposed vowels).
    static let coveredBlocks: [ClosedRange<UInt32>] = [0x00A0...0x024F, 0x0300...0x036F, 0x1E00...0x1EFF]

    /// An entry for a scalar the table does not fold.
    private static let unfoldable: UInt16 = 0xFFFF

    /// By scalar value below `0x1F00`: its stripped form as up to two ASCII bytes (the first in
    /// the low byte, `0` for none), or `unfoldable`.
    private static let table: [UInt16] = {
        var table = [UInt16](repeating: unfoldable, count: 0x1F00)
        for block in coveredBlocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let stripped = Array(VietnameseText.strippingDiacriticsByDecomposing(String(scalar)).utf8)
                guard stripped.count <= 2, stripped.allSatisfy({ $0 > 0 && $0 < 0x80 }) else { continue }
                table[Int(value)] = stripped.reversed().reduce(0) { $0 << 8 | UInt16($1) }
            }
        }
        return table
    }()

    /// `text` with every diacritic removed, or `nil` when it holds a scalar the table does not
    /// fold (the caller then takes the plain path).
    static func asciiFolded(_ text: String) -> String? {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                out.append(UInt8(value))
                continue
            }
            guard value < 0x1F00 else { return nil }
            let entry = table[Int(value)]
            if entry == unfoldable { return nil }
            if entry & 0xFF != 0 { out.append(UInt8(entry & 0xFF)) }
            if entry >> 8 != 0 { out.append(UInt8(entry >> 8)) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
