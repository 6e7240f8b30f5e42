import Foundation

/// The words of a question or an answer as the knowledge base compares them: lower-cased,
/// accents folded, split on anything that is not a letter or digit, function words of English,
/// Spanish, French and German dropped, and each word lightly stemmed so that "openings",
/// "opening" and "open" or "cancelled" and "cancellation" meet.
///
/// The stemmer is the same for every language and deliberately light (plural and a few
/// derivational endings): the knowledge base's own vocabulary and the question's go through it
/// alike, so a crude stem that is consistent beats a precise one that is not.
public enum KnowledgeText {
    /// One word of a text: as written (folded) and its stem.
    public struct Word: Sendable, Hashable {
        public var text: String
        public var stem: String
    }

    /// The content words of `text`, in order, function words dropped.
    public static func words(_ text: String) -> [Word] {
        let tokens = tokens(text)
        var words: [Word] = []
        for (index, token) in tokens.enumerated() {
            if let day = weekday(token) {
                words.append(Word(text: token, stem: weekdayStem(day)))
                continue
            }
            // "good morning" is a greeting, not a time of day.
            if index > 0, tokens[index - 1] == "good", greetingTimes.contains(token) { continue }
            guard !stopWords.contains(token) else { continue }
            let stem = stem(token)
            guard !stem.isEmpty, !stopWords.contains(stem) else { continue }
            words.append(Word(text: token, stem: stem))
        }
        return words
    }

    private static let greetingTimes: Set<String> = ["morning", "afternoon", "evening", "day", "night"]

    /// The stems of the content words of `text`.
    public static func stems(_ text: String) -> [String] {
        words(text).map(\.stem)
    }

    /// Lower-cased, folded tokens (letters and digits), function words included.
    static func tokens(_ text: String) -> [String] {
        var folded = text.lowercased()
        if !folded.utf8.allSatisfy({ $0 < 0x80 }) {
            folded = folded.folding(options: .diacriticInsensitive, locale: nil)
                .replacingOccurrences(of: "\u{2019}", with: "'")
                .replacingOccurrences(of: "ß", with: "ss")
        }
        var tokens: [String] = []
        for piece in folded.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") }) {
            // "we're" → "we", "dog's" → "dog", "l'hotel" → "hotel", "don't" → "dont"
            var word = Substring(piece).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            if let apostrophe = word.firstIndex(of: "'") {
                let head = word[..<apostrophe]
                let tail = word[word.index(after: apostrophe)...]
                if ["l", "d", "j", "qu", "n", "s", "c", "m", "t"].contains(String(head)), tail.count > 1 {
                    word = String(tail)
                } else if tail == "t" {
                    word = String(head) + "t"
                } else {
                    word = String(head)
                }
            }
            if !word.isEmpty { tokens.append(word) }
        }
        return tokens
    }

    /// A light, language-neutral stem: plural endings, -ing, -ed, -ation, -ment, -ly, a final
    /// silent e, and a doubled final consonant ("shipping" → "ship", "reservation" → "reserv").
    static func stem(_ word: String) -> String {
        guard word.count > 3, !word.contains(where: \.isNumber) else { return word }
        var stem = word
        func drop(_ suffix: String, keeping minimum: Int) -> Bool {
            guard stem.hasSuffix(suffix), stem.count - suffix.count >= minimum else { return false }
            stem.removeLast(suffix.count)
            return true
        }
        // Plurals.
        if drop("ies", keeping: 3) {
            stem += "y"
        } else if ["sses", "ches", "shes", "xes", "zes"].contains(where: stem.hasSuffix), stem.count > 5 {
            stem.removeLast(2)
        } else if stem.hasSuffix("s"), !stem.hasSuffix("ss"), !stem.hasSuffix("us") {
            stem.removeLast()
        } else if stem.hasSuffix("x"), stem.hasSuffix("aux") || stem.hasSuffix("eux"), stem.count > 4 {
            stem.removeLast()
        }
        // Derivations: one of them.
        let derivations: [(String, Int)] = [
            ("ational", 3), ("ations", 3), ("ation", 3), ("ition", 3), ("ments", 4), ("ment", 4), ("ingly", 3),
            ("ing", 3), ("edly", 3), ("ed", 3), ("ly", 4),
        ]
        for (suffix, minimum) in derivations where drop(suffix, keeping: minimum) {
            if let last = stem.last, stem.count > 3, stem.dropLast().last == last, !"aeiouls".contains(last) {
                stem.removeLast()  // shipping → shipp → ship; cancelled → cancell (l kept: "cancell" → below)
            }
            break
        }
        if stem.hasSuffix("ll"), stem.count > 4 { stem.removeLast() }
        if stem.hasSuffix("e"), stem.count > 4 { stem.removeLast() }
        if stem.hasSuffix("y"), stem.count > 4 { stem.removeLast(); stem += "i" }
        return stem
    }

    /// The words written with a capital inside a sentence ("do you cover Bath?", "we use
    /// PayPal"): names, folded like ``tokens(_:)``. Weekdays and months are names of no thing.
    public static func namedWords(_ text: String) -> Set<String> {
        var named = Set<String>()
        var sentenceStart = true
        for piece in text.split(separator: " ", omittingEmptySubsequences: true) {
            let letters = piece.drop { !$0.isLetter && !$0.isNumber }
            if let first = letters.first, first.isUppercase, !sentenceStart, letters.count > 1 {
                for token in tokens(String(letters)) where weekday(token) == nil && !stopWords.contains(token) { named.insert(token) }
            }
            if let last = piece.last { sentenceStart = ".!?¿¡:".contains(last) }
            if piece.first == "¿" || piece.first == "¡" { sentenceStart = false }
        }
        return named
    }
}
