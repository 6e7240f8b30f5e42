/// What a question says that an embedding blurs: exact identifiers and numbers, negation, the
/// action asked for, attributes that change the answer, and whether it is about the customer's
/// own order, booking or account.
///
/// Two questions may share a cached answer only if their signatures agree
/// (``disagreement(with:)``) and the question is not personal. Extraction is a single pass over
/// the text with small fixed word lists, a few microseconds a message.
///
/// ```swift
/// let signature = QuestionSignature("Can I cancel order #A-1234 before 5pm?")
/// signature.identifiers   // ["code:a1234", "time:17:00"]
/// signature.actions       // ["cancel", "order"]
/// ```
public struct QuestionSignature: Sendable, Hashable, Codable {
    /// Typed, normalized identifiers that must match exactly: `ref:12345` (order and booking
    /// numbers), `code:a1234` (references and model names mixing letters and digits),
    /// `amount:$12.5`, `percent:20`, `date:03-15`, `date:2025-03-15`, `year:2025`, `month:03`,
    /// `day:sunday` (weekdays, today, weekend, holidays), `time:19:30`, `email:…`, `phone:…`, `url:…`.
    public var identifiers: Set<String>
    /// Plain numbers, normalized (`"2"`, `"12.5"`, `"2-4"`), number words included (`two` → `2`).
    public var numbers: Set<String>
    /// Whether the question contains a negation or an exclusion (not, no, never, without, except,
    /// n't, ne…pas, nicht, kein, sin, sans…).
    public var isNegated: Bool
    /// The actions the question asks about, by group (`cancel`, `renew`, `book`, `refund`…); see
    /// ``KeyTermLexicon``.
    public var actions: Set<String>
    /// Attributes that change an answer: diets, sizes, colours, audiences, online or in person,
    /// "only"; see ``KeyTermLexicon``.
    public var attributes: Set<String>
    /// Content words: key terms by group, other words normalized, function words and light
    /// verbs dropped (see ``ContentWords``). Two questions that differ in exactly one of them
    /// ("indoor" / "outdoor seating") are different questions.
    public var contentWords: Set<String>
    /// The words that make the question about the customer's own affairs ("my order",
    /// "where is my", "i booked"), or nil. A personal question is never answered from the cache.
    public var personalMarker: String?
    /// Yes/no, "which", or open (nil in signatures stored before it existed: treated as open).
    public var form: QuestionForm?

    /// Whether the answer depends on who asks.
    public var isPersonal: Bool { personalMarker != nil }

    /// Extracts the signature of `question`.
    public init(_ question: String) {
        self = SignatureExtractor.extract(question)
    }

    public init(
        identifiers: Set<String> = [],
        numbers: Set<String> = [],
        isNegated: Bool = false,
        actions: Set<String> = [],
        attributes: Set<String> = [],
        contentWords: Set<String> = [],
        personalMarker: String? = nil,
        form: QuestionForm? = nil
    ) {
        self.identifiers = identifiers
        self.numbers = numbers
        self.isNegated = isNegated
        self.actions = actions
        self.attributes = attributes
        self.contentWords = contentWords
        self.personalMarker = personalMarker
        self.form = form
    }
}
