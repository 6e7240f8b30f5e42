/// A message's text reduced to what makes two questions "the same" for the repetition guard:
/// lower-cased, every run of punctuation and white space collapsed to one space.
///
/// `"Where is my ORDER??"` and `"where is my order"` have the same fingerprint.
struct MessageFingerprint: Hashable, Sendable {
    let text: String

    /// The fingerprint of `text`, or nil when it is too short to be a question worth comparing
    /// (fewer than three words and twelve characters, or six in scripts written without spaces),
    /// so "ok", "yes please" or "thanks!" can be said any number of times.
    init?(_ text: String) {
        let normalized = Self.normalize(text)
        let characters = normalized.filter { !$0.isWhitespace }.count
        let words = normalized.split(separator: " ").count
        let unspaced = normalized.unicodeScalars.contains(where: Self.isWrittenWithoutSpaces)
        guard words >= 3 || characters >= 12 || (unspaced && characters >= 6) else { return nil }
        self.text = normalized
    }

    /// Lower-cased, runs of punctuation and white space collapsed to one space, trimmed.
    static func normalize(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text.lowercased() {
            if character.isPunctuation || character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    /// Chinese, Japanese and Thai are written without spaces between words.
    static func isWrittenWithoutSpaces(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0E00...0x0E7F, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: true
        default: false
        }
    }
}
