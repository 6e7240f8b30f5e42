/// The numbers of the knowledge base's answer decision (``KnowledgeBase/decide(_:vector:)``).
///
/// An entry's score fuses four pieces of evidence, each 0…1:
/// - `phrasing`: the cosine of the question's embedding with the closest of the entry's
///   phrasings (its question, its examples, the phrasings learned from agents);
/// - `answer`: the cosine with the entry's answer (a question naming what only the answer says:
///   "do you take Cigna?" against a list of insurers);
/// - `lexical`: BM25 over the entry's phrasings and answer (light stemming; the answer's words
///   count half), divided by the score the question would get from an entry holding all its words;
/// - `coverage`: the share of the question's content words (weighted by how rare they are in
///   the knowledge base) that the entry says somewhere.
///
/// The defaults were chosen on the tuning set (`Benchmarks/KBEval/tuning.json`, `KBEval --sweep`)
/// and reported on the held-back set; see docs/SEMANTIC.md.
public struct KnowledgePolicy: Sendable, Hashable {
    public var phrasingWeight: Double
    public var answerWeight: Double
    public var lexicalWeight: Double
    public var coverageWeight: Double
    /// The fused score the best entry needs.
    public var threshold: Double
    /// How far the best entry must lead the next entry with another answer.
    public var margin: Double
    /// A phrasing cosine at or above this accepts an entry whatever the other evidence (a
    /// question that is, in effect, one of the entry's phrasings). The content-word and
    /// negation checks still apply.
    public var phrasingAlone: Double
    /// How many of the question's content words the best entry may lack (frame words aside).
    public var uncoveredAllowed: Int
    /// A lacking word whose embedding is this close to one of the entry's own words names a
    /// sibling of it ("cats" / "dogs", "Brazil" / "Canada"): refused whatever the count.
    public var siblingThreshold: Double
    /// The share of the question's (weighted) content words the best entry must cover.
    public var minimumCoverage: Double
    /// Whether any personal marker refuses (a possessive or a past transaction too: "my order",
    /// "I bought"), or only a status question or a request to act on the customer ("where is
    /// my order", "call me back").
    public var personalStrict: Bool = false

    public init(
        phrasingWeight: Double = 0.6,
        answerWeight: Double = 0.2,
        lexicalWeight: Double = 0.1,
        coverageWeight: Double = 0.1,
        threshold: Double = 0.41,
        margin: Double = 0.06,
        phrasingAlone: Double = 2,
        uncoveredAllowed: Int = 9,
        siblingThreshold: Double = 0.5,
        minimumCoverage: Double = 0.3
    ) {
        self.phrasingWeight = phrasingWeight
        self.answerWeight = answerWeight
        self.lexicalWeight = lexicalWeight
        self.coverageWeight = coverageWeight
        self.threshold = threshold
        self.margin = margin
        self.phrasingAlone = phrasingAlone
        self.uncoveredAllowed = uncoveredAllowed
        self.siblingThreshold = siblingThreshold
        self.minimumCoverage = minimumCoverage
    }

    /// The default with embeddings (MiniLM).
    public static let semantic = KnowledgePolicy()

    /// Without an embedding model (the lexical fallback embedder's vectors are not meanings):
    /// words only.
    public static let lexical = KnowledgePolicy(
        phrasingWeight: 0, answerWeight: 0, lexicalWeight: 0.4, coverageWeight: 0.6, threshold: 0.45, margin: 0.08,
        phrasingAlone: 2, uncoveredAllowed: 1, siblingThreshold: 1, minimumCoverage: 0
    )

    /// An entry's fused score.
    public func score(_ candidate: KnowledgeDecision.Candidate) -> Double {
        phrasingWeight * candidate.phrasing + answerWeight * candidate.answer
            + lexicalWeight * candidate.lexical + coverageWeight * candidate.coverage
    }
}
