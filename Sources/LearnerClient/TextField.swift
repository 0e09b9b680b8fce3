import CourseModel
import Foundation

/// A one-line answer being typed, composed through the learner's input method.
///
/// It keeps two texts: what the learner sees (composed, NFC) and the keys exactly as pressed.
/// A word the input method changed into something no Vietnamese syllable can be (`password` →
/// `pẳsod`, `deepfake` → `dềpake`) is given back as its keys, and an answer is graded against
/// both texts, so English words typed with Telex on are never spoiled.
struct TextField: Equatable {
    /// The input method keystrokes go through.
    var method: InputMethod
    /// The text before the word being typed (NFC).
    private var head = ""
    private var headCount = 0
    /// The word being typed, as shown.
    private var tail = ""
    /// The keys of the word being typed (its letters as shown, after an edit).
    private var wordKeys = ""
    /// Whether the word being typed is kept as typed (it cannot be Vietnamese).
    private var wordIsRaw = false
    /// Every key typed, Backspace taking one back: the answer as the raw keys spell it.
    private(set) var keys = ""

    /// The most characters an answer may have.
    static let limit = Response.maxTypedCharacters
    /// A word longer than this many keys cannot be one Vietnamese syllable: it is kept as typed.
    static let longestSyllableKeys = 12

    init(method: InputMethod) { self.method = method }

    /// What is typed so far (NFC).
    var text: String { head + tail }

    /// How many characters the text has.
    var count: Int { headCount + tail.count }

    /// Empties the field.
    mutating func clear() {
        head = ""
        headCount = 0
        tail = ""
        wordKeys = ""
        wordIsRaw = false
        keys = ""
    }

    /// Types one character; false when the field is full and the character was not taken.
    @discardableResult
    mutating func type(_ character: Character) -> Bool {
        guard count < Self.limit else { return false }
        keys.append(character)
        if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
            // A combining mark from an input method that sends NFD joins the letter before it.
            if tail.isEmpty {
                head = (head + String(character)).precomposedNFC
                headCount = head.count
            } else {
                tail = (tail + String(character)).precomposedNFC
                wordKeys = tail
            }
            return true
        }
        // VNI's marks are digits typed after the letters: they belong to the word being typed.
        let vniMark = method == .vni && !tail.isEmpty && character.isASCII && character.isNumber
        guard VietnameseWord.isWordCharacter(character) || vniMark else {
            endWord()
            head.append(character)
            headCount += 1
            return true
        }
        wordKeys.append(character)
        guard let composer = method.composer, !wordIsRaw else {
            tail = wordIsRaw ? wordKeys : (tail + String(character)).precomposedNFC
            return true
        }
        if wordKeys.count > Self.longestSyllableKeys {
            wordIsRaw = true
            tail = wordKeys
            return true
        }
        let composed = composer.compose(wordKeys)
        if composed != wordKeys, !VietnameseSpelling.isPlausible(composed) {
            wordIsRaw = true
            tail = wordKeys
        } else {
            tail = composed
        }
        return true
    }

    /// Types a whole line (line mode, a paste), through the input method like keystrokes;
    /// false when some of it did not fit.
    @discardableResult
    mutating func type(line: String) -> Bool {
        for character in line {
            let typed = type(character == "\n" || character == "\r" || character == "\t" ? " " : character)
            if !typed { return false }
        }
        return true
    }

    /// Deletes the last character shown.
    mutating func deleteBackward() {
        if !keys.isEmpty { keys.removeLast() }
        if tail.isEmpty {
            guard !head.isEmpty else { return }
            head.removeLast()
            headCount -= 1
            // Back inside the word before: it is being typed again, from its letters.
            var start = head.endIndex
            while start > head.startIndex, VietnameseWord.isWordCharacter(head[head.index(before: start)]) {
                start = head.index(before: start)
            }
            tail = String(head[start...])
            head = String(head[..<start])
            headCount -= tail.count
        } else {
            tail.removeLast()
        }
        wordKeys = tail
        wordIsRaw = false
    }

    private mutating func endWord() {
        head += tail
        headCount += tail.count
        tail = ""
        wordKeys = ""
        wordIsRaw = false
    }
}

extension String {
    /// This text in NFC.
    var precomposedNFC: String { precomposedStringWithCanonicalMapping }
}
