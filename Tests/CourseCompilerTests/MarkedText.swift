/// Fixture text with position markers: `↓` marks the character after it as a diagnostic's position.
///
/// The marker is removed and its line and column (in characters, from 1) recorded, so a test pins
/// a message and its position together, the way swift-format's `MarkedText` does.
struct MarkedText {
    /// The text without markers.
    let text: String
    /// Positions of the markers, in order.
    let markers: [(line: Int, column: Int)]

    /// The marker character.
    static let marker: Character = "↓"

    init(_ marked: String) {
        var text = ""
        var markers: [(line: Int, column: Int)] = []
        var line = 1
        var column = 1
        for character in marked {
            if character == Self.marker {
                markers.append((line, column))
                continue
            }
            text.append(character)
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.text = text
        self.markers = markers
    }

    /// The only marker's position (line 0 when there is none, so the test fails visibly).
    var position: (line: Int, column: Int) { markers.first ?? (0, 0) }
}
