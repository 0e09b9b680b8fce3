/// Ids: lower-case ASCII slugs, stable for ever once published.
public enum Identifier {
    /// Whether `id` is a valid slug: `[a-z0-9]+(-[a-z0-9]+)*`, at most 80 characters.
    public static func isValid(_ id: String) -> Bool {
        guard !id.isEmpty, id.count <= 80, !id.hasPrefix("-"), !id.hasSuffix("-"), !id.contains("--") else {
            return false
        }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A slug made from any text: `Dấu hiệu lừa đảo!` → `dau-hieu-lua-dao`; at most `limit` characters.
    public static func slug(_ text: String, limit: Int = 60) -> String {
        let ascii = VietnameseText.strippingDiacritics(text).lowercased()
        var out = ""
        var pendingDash = false
        for scalar in ascii.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        if out.count > limit {
            out = String(out.prefix(limit))
            while out.hasSuffix("-") { out.removeLast() }
        }
        return out
    }

    /// Ids for a list of texts, unique among themselves: duplicates get `-2`, `-3`…; empty slugs become `item-N`.
    public static func uniqueSlugs(_ texts: [String], limit: Int = 40) -> [String] {
        var seen: [String: Int] = [:]
        return texts.enumerated().map { index, text in
            var base = slug(text, limit: limit)
            if base.isEmpty { base = "item-\(index + 1)" }
            let count = (seen[base] ?? 0) + 1
            seen[base] = count
            return count == 1 ? base : "\(base)-\(count)"
        }
    }
}
