import Foundation

/// What the knowledge base decided for a question, with the evidence: the answer's entry or why
/// none answers, and the closest entries with their scores.
public struct KnowledgeDecision: Sendable, Hashable {
    /// Why no entry answers.
    public enum Refusal: Sendable, Hashable, CustomStringConvertible {
        /// No content word and no phrasing close enough.
        case empty
        /// About the customer's own affairs ("where is my order"): the words that say so.
        case personal(marker: String)
        /// Names an order number, a code, an email, a phone or a link: a person must look.
        case identifiers([String])
        /// The best entry's score is below the threshold.
        case belowThreshold(score: Double, needed: Double)
        /// Two entries with different answers are too close to choose.
        case ambiguous(runnerUp: String, margin: Double)
        /// The question names something the best entry never mentions ("cats" against an entry
        /// about dogs, "Brazil" against a list of countries without it).
        case uncovered(words: [String])
        /// The question is negated and the entry is not, or the other way round.
        case negation

        public var description: String {
            switch self {
            case .empty: "nothing to match"
            case .personal(let marker): "personal question (\(marker))"
            case .identifiers(let ids): "names identifiers \(ids.joined(separator: ", "))"
            case .belowThreshold(let score, let needed): "best score \(format(score)) below \(format(needed))"
            case .ambiguous(let runnerUp, let margin): "too close to \(runnerUp) (margin \(format(margin)))"
            case .uncovered(let words): "the entry does not cover \(words.joined(separator: ", "))"
            case .negation: "negation differs"
            }
        }

        /// A stable code for logs and counts.
        public var code: String {
            switch self {
            case .empty: "empty"
            case .personal: "personal"
            case .identifiers: "identifiers"
            case .belowThreshold: "below_threshold"
            case .ambiguous: "ambiguous"
            case .uncovered: "uncovered"
            case .negation: "negation"
            }
        }
    }

    /// One entry's evidence for the question.
    public struct Candidate: Sendable, Hashable {
        public var entry: KnowledgeEntry
        public var score: Double
        public var phrasing: Double
        public var answer: Double
        public var lexical: Double
        public var coverage: Double
        /// The question's content words the entry does not cover (frame words excluded).
        public var uncovered: [String]
        /// The closest cosine between an uncovered word and one of the entry's own content
        /// words (1 when an uncovered word has no vector): how much the question seems to ask
        /// about a sibling of what the entry covers.
        public var sibling: Double
        /// The question is negated and the entry is not, or the other way round.
        public var negationDiffers: Bool
        /// The answer as compared with other entries' (two entries with the same answer are no rivals).
        var answerKey: String
    }

    /// The entry that answers, or nil.
    public var entry: KnowledgeEntry?
    /// Why none answers, when none does.
    public var refusal: Refusal?
    /// The best entries, best first (at most 3).
    public var candidates: [Candidate]

    static func refused(_ refusal: Refusal, _ candidates: [Candidate] = []) -> KnowledgeDecision {
        KnowledgeDecision(entry: nil, refusal: refusal, candidates: candidates)
    }
}

private func format(_ value: Double) -> String {
    String(format: "%.3f", value)
}

/// Everything the knowledge base knows of a question before a policy's numbers are applied
/// (``KnowledgeBase/evidence(_:vector:)``): the same evidence can be decided under many policies,
/// which is how the defaults were tuned.
public struct KnowledgeEvidence: Sendable {
    /// A refusal that needs no scores.
    public var refusal: KnowledgeDecision.Refusal?
    /// Every entry's evidence, unscored.
    public var candidates: [KnowledgeDecision.Candidate] = []

    /// The words of the question some entry does not cover: embed them for
    /// ``KnowledgeBase/evidence(_:vector:wordVectors:)``.
    public var uncoveredWords: [String] {
        var seen = Set<String>()
        return candidates.flatMap(\.uncovered).filter { seen.insert($0).inserted }
    }
}
