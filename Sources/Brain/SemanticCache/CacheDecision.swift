import Foundation

/// What the cache decided for a question.
public enum CacheDecision: Sendable {
    /// Serve `entry.answer`.
    case hit(SemanticCacheEntry, score: Float, explanation: CacheHitExplanation)
    /// Ask the model.
    case miss(CacheMissReason)

    public var entry: SemanticCacheEntry? {
        if case .hit(let entry, _, _) = self { entry } else { nil }
    }

    public var missReason: CacheMissReason? {
        if case .miss(let reason) = self { reason } else { nil }
    }
}

/// Why a hit was served, for logs and for `gateway tools` to show support staff.
public struct CacheHitExplanation: Sendable, Hashable, CustomStringConvertible {
    /// The phrasing (key) of the entry that matched.
    public var matchedQuestion: String
    /// The entry's threshold when it was served.
    public var threshold: Float
    /// The lead over the closest agreeing entry with another answer; nil when no other entry
    /// comes within reach (the lowest possible threshold less the margin).
    public var margin: Float?
    public var rivalID: UUID?
    /// The entry's evidence before this hit.
    public var evidence: CacheEvidence

    public var description: String {
        let score = CacheMissReason.format
        let lead = margin.map { "margin \(score($0)) over the next answer" } ?? "no other answer within reach"
        return "matched \"\(matchedQuestion)\"; threshold \(score(threshold)) (\(evidence.confirmations) confirmed, \(evidence.misses) wrong); \(lead); identifiers, numbers, negation, actions and attributes agree"
    }
}
