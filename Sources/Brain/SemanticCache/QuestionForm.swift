/// The kind of answer a question asks for, from its first words. "Do you allow pets in the
/// apartments?" wants yes or no; "Which apartments allow pets?" wants a choice among things:
/// MiniLM puts them close, but one's answer does not answer the other.
public enum QuestionForm: String, Sendable, Hashable, Codable {
    /// Starts with an auxiliary verb: "do you…", "is there…", "can I…".
    case yesNo
    /// Asks to pick among things: "which…", "what kind of…", "quel…", "welche…", "cuál…".
    case which
    /// Anything else: "what time…", "where…", "how much…", or a statement.
    case open

    /// The form of a question given its words, lower-cased, in order.
    static func of(_ words: [String]) -> QuestionForm {
        guard let first = words.first else { return .open }
        if choiceWords.contains(first) { return .which }
        // "what kind of", "what type of", "in which", "for which"
        if words.prefix(3).contains(where: choiceWords.contains) { return .which }
        if first == "what", words.count > 1, ["kind", "kinds", "type", "types", "sort", "sorts"].contains(words[1]) { return .which }
        if auxiliaries.contains(first) { return .yesNo }
        return .open
    }

    /// Whether a cached answer to one form can answer the other: a yes/no answer never answers
    /// "which", nor the reverse; open questions go with either (their answers state facts).
    func isCompatible(with other: QuestionForm) -> Bool {
        !((self == .yesNo && other == .which) || (self == .which && other == .yesNo))
    }

    private static let choiceWords: Set<String> = [
        "which", "quel", "quelle", "quels", "quelles", "lequel", "laquelle", "welche", "welcher", "welches", "welchen",
        "cual", "cuales",
    ]

    private static let auxiliaries: Set<String> = [
        "do", "does", "did", "is", "are", "was", "were", "can", "could", "will", "would", "shall", "should",
        "may", "might", "must", "have", "has", "had", "am", "don't", "doesn't", "isn't", "aren't", "can't",
    ]
}
