import Foundation

/// Why the semantic cache did not answer a question. The checks run in this order; the first
/// that fails is the reason.
public enum CacheMissReason: Sendable, Hashable, CustomStringConvertible {
    /// The question is about the customer's own affairs ("where is my order"): never from cache.
    case personalQuestion(marker: String)
    /// The scope holds no entry.
    case noCandidate
    /// The closest entry has expired (it is removed).
    case expired(entryID: UUID)
    /// The closest entry is not close enough for its own threshold.
    case belowThreshold(score: Float, needed: Float)
    /// Close enough, but an identifier (order number, amount, date, day, time, email, phone, URL,
    /// code) is not the same on both sides. Values are what only one side has.
    case identifiersDiffer(question: [String], entry: [String])
    /// Close enough, but a plain number differs ("table for 4" / "table for 6").
    case numbersDiffer(question: [String], entry: [String])
    /// Close enough, but one is negated and the other is not.
    case negationDiffers(questionNegated: Bool)
    /// Close enough, but the actions differ ("cancel" / "renew").
    case actionDiffers(question: [String], entry: [String])
    /// Close enough, but an attribute differs ("vegan" / "vegetarian", "online" / "in person").
    case attributeDiffers(question: [String], entry: [String])
    /// Close enough, but one asks yes or no and the other "which" ("Do you allow pets in the
    /// apartments?" / "Which apartments allow pets?").
    case formDiffers(question: QuestionForm, entry: QuestionForm)
    /// Close enough, but the two questions are the same but for one content word swapped
    /// ("indoor" / "outdoor seating"): a minimal pair asks about two different things.
    case wordDiffers(question: String, entry: String)
    /// Two entries with different answers are nearly as close: the question is ambiguous.
    case tooClose(margin: Float, rivalID: UUID)

    /// A stable snake_case name, for statistics and logs.
    public var code: String {
        switch self {
        case .personalQuestion: "personal_question"
        case .noCandidate: "no_candidate"
        case .expired: "expired"
        case .belowThreshold: "below_threshold"
        case .identifiersDiffer: "identifiers_differ"
        case .numbersDiffer: "numbers_differ"
        case .negationDiffers: "negation_differs"
        case .actionDiffers: "action_differs"
        case .attributeDiffers: "attribute_differs"
        case .formDiffers: "form_differs"
        case .wordDiffers: "word_differs"
        case .tooClose: "too_close"
        }
    }

    public var description: String {
        switch self {
        case .personalQuestion(let marker): "personal question (\"\(marker)\")"
        case .noCandidate: "no cached answer in this scope"
        case .expired(let id): "the closest entry \(id) has expired"
        case .belowThreshold(let score, let needed): "cosine \(Self.format(score)) below the entry's threshold \(Self.format(needed))"
        case .identifiersDiffer(let question, let entry): "identifiers differ: question \(question), entry \(entry)"
        case .numbersDiffer(let question, let entry): "numbers differ: question \(question), entry \(entry)"
        case .negationDiffers(let negated): negated ? "the question is negated, the entry is not" : "the entry is negated, the question is not"
        case .actionDiffers(let question, let entry): "actions differ: question \(question), entry \(entry)\(Self.opposition(question, entry))"
        case .attributeDiffers(let question, let entry): "attributes differ: question \(question), entry \(entry)"
        case .formDiffers(let question, let entry): "forms differ: a \(question.rawValue) question, a \(entry.rawValue) entry"
        case .wordDiffers(let question, let entry): "one word swapped: \"\(question)\" in the question, \"\(entry)\" in the entry"
        case .tooClose(let margin, let rival): "ambiguous: entry \(rival) with another answer is within \(Self.format(margin))"
        }
    }

    static func format(_ value: Float) -> String {
        guard value.isFinite else { return value > 0 ? "never (retired)" : "-" }
        let thousandths = Int((value * 1000).rounded())
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = abs(thousandths)
        let fraction = String(magnitude % 1000)
        return "\(sign)\(magnitude / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }

    private static func opposition(_ question: [String], _ entry: [String]) -> String {
        for (left, right) in KeyTermLexicon.opposites
        where (question.contains(left) && entry.contains(right)) || (question.contains(right) && entry.contains(left)) {
            return " (\(left) and \(right) are opposites)"
        }
        return ""
    }
}
