/// A forgiving HTML reader: enough of HTML to turn Moodle's question texts into a tree.
///
/// Unclosed and stray tags are tolerated the way browsers tolerate them (a closing tag closes
/// up to its opening tag, or is ignored); comments, `<!DOCTYPE>` and `<?…?>` vanish.
indirect enum HTMLNode: Sendable, Equatable {
    /// An element with its lower-cased name, attributes and children.
    case element(name: String, attributes: [String: String], children: [HTMLNode])
    /// Text, entities decoded, white space as written.
    case text(String)

    /// Parses `html` into top-level nodes.
    static func parse(_ html: String) -> [HTMLNode] {
        var builder = Builder()
        let characters = Array(html)
        var index = 0
        var text = ""
        func flush() {
            if !text.isEmpty { builder.text(HTMLEntities.decode(text)) }
            text = ""
        }
        while index < characters.count {
            let character = characters[index]
            guard character == "<", index + 1 < characters.count else {
                text.append(character)
                index += 1
                continue
            }
            let next = characters[index + 1]
            if next == "!" || next == "?" {
                flush()
                let closing = next == "!" && starts(characters, at: index, with: "<!--") ? "-->" : ">"
                index = find(closing, in: characters, from: index + 2).map { $0 + closing.count } ?? characters.count
                continue
            }
            guard next.isLetter || next == "/", let end = tagEnd(characters, from: index + 1) else {
                text.append(character)
                index += 1
                continue
            }
            flush()
            let tag = Tag(String(characters[(index + 1)..<end]))
            if tag.isClosing {
                builder.close(tag.name)
            } else {
                builder.open(tag.name, attributes: tag.attributes, selfClosing: tag.isSelfClosing)
                if ["script", "style"].contains(tag.name) {
                    // Their content is not text; skip to the closing tag.
                    let closing = "</\(tag.name)"
                    let stop = find(closing, in: characters, from: end + 1, caseInsensitive: true) ?? characters.count
                    builder.close(tag.name)
                    index = tagEnd(characters, from: stop + 1).map { $0 + 1 } ?? characters.count
                    continue
                }
            }
            index = end + 1
        }
        flush()
        return builder.finish()
    }

    private static func starts(_ characters: [Character], at index: Int, with prefix: String) -> Bool {
        let p = Array(prefix)
        return index + p.count <= characters.count && Array(characters[index..<(index + p.count)]) == p
    }

    private static func find(
        _ needle: String, in characters: [Character], from start: Int, caseInsensitive: Bool = false
    ) -> Int? {
        let n = Array(caseInsensitive ? needle.lowercased() : needle)
        guard !n.isEmpty, characters.count >= n.count, start <= characters.count - n.count else { return nil }
        for index in start...(characters.count - n.count) {
            var hit = true
            for offset in 0..<n.count {
                let c = characters[index + offset]
                if (caseInsensitive ? Character(c.lowercased()) : c) != n[offset] {
                    hit = false
                    break
                }
            }
            if hit { return index }
        }
        return nil
    }

    /// The index of the `>` ending a tag that starts after `<`, skipping quoted attribute values.
    private static func tagEnd(_ characters: [Character], from start: Int) -> Int? {
        var quote: Character?
        var index = start
        while index < characters.count {
            let c = characters[index]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == ">" {
                return index
            } else if c == "<" {
                return nil  // `a < b <c>`: the first `<` was text
            }
            index += 1
        }
        return nil
    }

    /// A tag's name and attributes.
    private struct Tag {
        var name = ""
        var attributes: [String: String] = [:]
        var isClosing = false
        var isSelfClosing = false

        init(_ inner: String) {
            var s = Substring(inner)
            if s.hasPrefix("/") {
                isClosing = true
                s = s.dropFirst()
            }
            if s.hasSuffix("/") {
                isSelfClosing = true
                s = s.dropLast()
            }
            name = String(s.prefix { $0.isLetter || $0.isNumber }).lowercased()
            s = s.dropFirst(name.count)
            while true {
                s = s.drop { $0.isWhitespace }
                let key = s.prefix { !$0.isWhitespace && $0 != "=" }
                guard !key.isEmpty else { break }
                s = s.dropFirst(key.count).drop { $0.isWhitespace }
                var value = ""
                if s.first == "=" {
                    s = s.dropFirst().drop { $0.isWhitespace }
                    if let q = s.first, q == "\"" || q == "'" {
                        s = s.dropFirst()
                        value = String(s.prefix { $0 != q })
                        s = s.dropFirst(value.count + 1)
                    } else {
                        value = String(s.prefix { !$0.isWhitespace })
                        s = s.dropFirst(value.count)
                    }
                }
                attributes[key.lowercased()] = HTMLEntities.decode(value)
            }
        }
    }

    /// Builds the tree from open, close and text events.
    private struct Builder {
        private var stack: [(name: String, attributes: [String: String], children: [HTMLNode])] = [
            ("#root", [:], [])
        ]
        static let void: Set<String> = ["br", "img", "hr", "input", "meta", "link", "wbr", "col", "source", "area"]

        mutating func text(_ text: String) { stack[stack.count - 1].children.append(.text(text)) }

        mutating func open(_ name: String, attributes: [String: String], selfClosing: Bool) {
            // A new paragraph or list item closes the open one, as browsers do.
            if ["p", "li"].contains(name), let top = stack.last?.name, top == name { close(name) }
            if selfClosing || Self.void.contains(name) {
                stack[stack.count - 1].children.append(.element(name: name, attributes: attributes, children: []))
            } else {
                stack.append((name, attributes, []))
            }
        }

        mutating func close(_ name: String) {
            guard let index = stack.lastIndex(where: { $0.name == name }), index > 0 else { return }
            while stack.count > index { pop() }
        }

        private mutating func pop() {
            let top = stack.removeLast()
            stack[stack.count - 1].children.append(
                .element(name: top.name, attributes: top.attributes, children: top.children))
        }

        mutating func finish() -> [HTMLNode] {
            while stack.count > 1 { pop() }
            return stack[0].children
        }
    }
}

/// HTML character references.
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "hellip": "…", "laquo": "«", "raquo": "»", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
        "copy": "©", "reg": "®", "deg": "°", "times": "×", "divide": "÷", "plusmn": "±", "euro": "€",
        "middot": "·", "bull": "•", "shy": "", "iexcl": "¡", "iquest": "¿", "sect": "§", "para": "¶",
        "agrave": "à", "aacute": "á", "acirc": "â", "atilde": "ã", "egrave": "è", "eacute": "é", "ecirc": "ê",
        "igrave": "ì", "iacute": "í", "ograve": "ò", "oacute": "ó", "ocirc": "ô", "otilde": "õ", "ugrave": "ù",
        "uacute": "ú", "yacute": "ý", "Agrave": "À", "Aacute": "Á", "Acirc": "Â", "Atilde": "Ã", "Egrave": "È",
        "Eacute": "É", "Ecirc": "Ê", "Igrave": "Ì", "Iacute": "Í", "Ograve": "Ò", "Oacute": "Ó", "Ocirc": "Ô",
        "Otilde": "Õ", "Ugrave": "Ù", "Uacute": "Ú", "Yacute": "Ý", "ccedil": "ç", "ntilde": "ñ", "uuml": "ü",
        "ouml": "ö", "auml": "ä", "szlig": "ß",
    ]

    /// `text` with `&name;`, `&#NNN;` and `&#xHH;` replaced; unknown references stay as written.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semi = after.prefix(12).firstIndex(of: ";") else {
                out.append("&")
                rest = after
                continue
            }
            let name = after[..<semi]
            var replacement: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if name.hasPrefix("#") {
                replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                replacement = named[String(name)]
            }
            if let replacement, replacement.unicodeScalars.allSatisfy({ $0.value >= 0x20 || $0 == "\n" || $0 == "\t" })
            {
                out += replacement
                rest = after[after.index(after: semi)...]
            } else {
                out.append("&")
                rest = after
            }
        }
        out += rest
        return out
    }
}
