/// What an entry has learned about its own threshold: how often its answer was confirmed right
/// or reported wrong, and at which similarities.
///
/// Evidence comes from the caller: a served answer the customer accepted (or a verifier
/// approved) is a confirmation at the score it was served; a complaint or a verifier's veto is
/// a miss. The caller may also *explore*: on a near miss (a score a little below the threshold)
/// it asks the model anyway, compares the two answers and reports the result at that score,
/// which is how a threshold can move down without ever serving a doubtful answer (the idea of
/// vCache, arXiv 2502.03771, reduced to a rule a support person can follow).
public struct CacheEvidence: Sendable, Hashable, Codable {
    /// Times the answer was served from the cache.
    public var served: Int
    /// Observations that the answer was right for the question.
    public var confirmations: Int
    /// Observations that it was wrong.
    public var misses: Int
    /// The lowest similarity at which the answer was confirmed right.
    public var lowestConfirmedScore: Float?
    /// The highest similarity at which the answer was reported wrong.
    public var highestMissScore: Float?
    /// The similarity of the last time it was served, used for feedback given without a score.
    public var lastServedScore: Float?

    public init(
        served: Int = 0,
        confirmations: Int = 0,
        misses: Int = 0,
        lowestConfirmedScore: Float? = nil,
        highestMissScore: Float? = nil,
        lastServedScore: Float? = nil
    ) {
        self.served = served
        self.confirmations = confirmations
        self.misses = misses
        self.lowestConfirmedScore = lowestConfirmedScore
        self.highestMissScore = highestMissScore
        self.lastServedScore = lastServedScore
    }

    /// Records one observation at similarity `score`.
    public mutating func record(correct: Bool, score: Float) {
        if correct {
            confirmations += 1
            lowestConfirmedScore = min(lowestConfirmedScore ?? score, score)
        } else {
            misses += 1
            highestMissScore = max(highestMissScore ?? score, score)
        }
    }

    /// The similarity a question needs to be served this entry's answer.
    ///
    /// It starts at the policy's initial threshold for the entry's source. Each confirmation
    /// (less `missPenalty` for each miss) lowers it by `relaxStep`, but never more than
    /// `explorationSlack` below the lowest similarity at which the answer was confirmed, and
    /// never below `floor`. A miss at similarity *s* raises it to at least *s* + `missGap`; when
    /// that reaches 1 the threshold is infinite and the entry never serves again (it was wrong
    /// for a question almost identical to its own: the answer itself is suspect).
    public func threshold(source: CacheEntrySource.Kind, policy: SemanticCachePolicy) -> Float {
        let initial = policy.initialThreshold(for: source)
        let credit = max(0, confirmations - policy.missPenalty * misses)
        var threshold = initial
        if credit > 0, let lowest = lowestConfirmedScore {
            let relaxed = max(initial - policy.relaxStep * Float(credit), lowest - policy.explorationSlack)
            threshold = min(initial, max(relaxed, policy.floor))
        }
        if let miss = highestMissScore {
            threshold = max(threshold, miss + policy.missGap)
        }
        return threshold < 1 ? threshold : .infinity  // no cosine is above 1: retired
    }
}
