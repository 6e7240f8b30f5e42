/// Simple lexical matching of a question against known questions: lower-cased words without
/// punctuation or common stop words, a plural `s` dropped, compared by Dice overlap.
///
/// This is the honest first matcher; the semantic layer replaces it with embeddings.
public enum TextMatcher {
    /// The content words of `text`, normalized.
    public static func terms(_ text: String) -> Set<String> {
        var terms = Set<String>()
        for word in words(text) where !stopWords.contains(word) {
            terms.insert(stem(word))
        }
        return terms
    }

    /// Dice overlap of two term sets, 0…1.
    public static func similarity(_ lhs: Set<String>, _ rhs: Set<String>) -> Double {
        guard !lhs.isEmpty, !rhs.isEmpty else { return 0 }
        return 2 * Double(lhs.intersection(rhs).count) / Double(lhs.count + rhs.count)
    }

    static func words(_ text: String) -> [String] {
        text.lowercased()
            .folding(options: .diacriticInsensitive, locale: nil)
            .split { !($0.isLetter || $0.isNumber) }
            .map(String.init)
    }

    private static func stem(_ word: String) -> String {
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") { return String(word.dropLast()) }
        return word
    }

    private static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "is", "are", "was", "were", "be", "been", "am", "do", "does", "did",
        "i", "me", "my", "we", "our", "you", "your", "it", "its", "this", "that", "these", "those", "there",
        "to", "of", "in", "on", "at", "for", "with", "from", "by", "about", "as", "into", "if", "so", "than",
        "can", "could", "would", "should", "will", "shall", "may", "might", "must", "have", "has", "had",
        "what", "which", "who", "whom", "please", "hi", "hello", "hey", "thanks", "thank", "tell", "know",
        "want", "like", "just", "any", "some", "get", "how", "when", "where", "why", "there", "here", "not",
    ]
}
