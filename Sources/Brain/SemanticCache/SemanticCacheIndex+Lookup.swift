import Foundation

extension SemanticCacheIndex {
    /// Decides whether a cached answer may answer `question`.
    ///
    /// Every paraphrase key of every entry of the scope is scored by cosine. In order, the first
    /// failing check is the miss reason:
    /// 1. the question is not personal ("where is my order" never comes from the cache);
    /// 2. the scope has an entry, and the closest key is not an expired entry's;
    /// 3. the closest key whose signature agrees with the question's (same identifiers, numbers,
    ///    negation, actions, attributes, not yes/no against "which", no one-word swap; see
    ///    ``QuestionSignature/disagreement(with:)``) reaches its entry's own threshold
    ///    (``SemanticCacheEntry/threshold(policy:)``). Otherwise the miss names the disagreement
    ///    of the closest key that did reach its threshold (`identifiersDiffer`, `actionDiffers`…),
    ///    or is `belowThreshold` with the closest score;
    /// 4. it leads the closest agreeing key of any entry with another answer by at least the
    ///    policy's margin (`tooClose`). A key that disagrees is no rival: the signature already
    ///    tells the two apart.
    ///
    /// The scan computes one dot product per key; signatures are compared only for the few keys
    /// close enough to matter.
    ///
    /// A hit counts as served on the entry (its evidence remembers the score, for
    /// ``recordFeedback(entryID:correct:score:)``). Expired entries met on the way are removed.
    ///
    /// - Parameters:
    ///   - question: The customer's question as written.
    ///   - vector: Its embedding by the scope's embedder (normalized here if it is not).
    ///   - signature: Its signature, when the caller already has it; extracted otherwise.
    ///   - scope: Tenant, embedder, knowledge version and rendering: only this scope's entries
    ///     are candidates.
    ///   - now: The time, for expiry.
    public func lookup(
        question: String,
        vector: [Float],
        signature: QuestionSignature? = nil,
        scope: CacheScope,
        now: Date = Date()
    ) -> CacheDecision {
        let signature = signature ?? QuestionSignature(question)
        if let marker = signature.personalMarker {
            let decision = CacheDecision.miss(.personalQuestion(marker: marker))
            withState { $0.statistics[scope.tenantID, default: SemanticCacheStatistics()].count(decision) }
            return decision
        }
        // The scan runs on a snapshot (copy-on-write: no copy is made), outside the lock.
        let entries = withState { $0.scopes[scope] ?? [] }
        var decision = Self.decide(query: CacheVectors.normalized(vector), signature: signature, entries: entries,
                                   policy: policy, now: now)
        return withState { state in
            if case .hit(let entry, let score, let explanation) = decision,
               let index = state.scopes[scope]?.firstIndex(where: { $0.id == entry.id }) {
                state.scopes[scope, default: []][index].evidence.served += 1
                state.scopes[scope, default: []][index].evidence.lastServedScore = score
                if let updated = state.scopes[scope]?[index] {
                    decision = .hit(updated, score: score, explanation: explanation)
                }
            }
            if let current = state.scopes[scope], current.contains(where: { $0.isExpired(at: now) }) {
                for expired in current where expired.isExpired(at: now) { state.scopeOfEntry[expired.id] = nil }
                let live = current.filter { !$0.isExpired(at: now) }
                state.scopes[scope] = live.isEmpty ? nil : live
            }
            state.statistics[scope.tenantID, default: SemanticCacheStatistics()].count(decision)
            return decision
        }
    }

    /// The decision rule on its own: no locking, no side effects.
    static func decide(
        query: [Float],
        signature: QuestionSignature,
        entries: [SemanticCacheEntry],
        policy: SemanticCachePolicy,
        now: Date
    ) -> CacheDecision {
        if let marker = signature.personalMarker { return .miss(.personalQuestion(marker: marker)) }
        guard !entries.isEmpty else { return .miss(.noCandidate) }

        // No entry's threshold is below this, and a rival further than the margin below it does not
        // count: keys scoring less are never compared by signature (the costly part of a scan).
        let lowest = min(policy.floor, policy.generatedThreshold, policy.knowledgeBaseThreshold)
        let cutoff = lowest - max(policy.margin, 0)
        var closest: Candidate?          // the closest key of a live entry
        var closestExpired: Candidate?   // the closest key of an expired entry
        var agreeing: [Candidate] = []   // per live entry, its closest key that agrees with the question
        var refusal: (score: Float, reason: CacheMissReason)?
        for index in entries.indices {
            let threshold = entries[index].threshold(policy: policy)
            let expired = entries[index].isExpired(at: now)
            let keys = entries[index].keys
            var bestAgreeing: Candidate?
            for keyIndex in keys.indices {
                let key = keys[keyIndex]
                let candidate = Candidate(entry: index, key: keyIndex, score: CacheVectors.dot(query, key.vector), threshold: threshold)
                if expired {
                    if candidate.score > closestExpired?.score ?? -2 { closestExpired = candidate }
                    continue
                }
                if candidate.score > closest?.score ?? -2 { closest = candidate }
                guard candidate.score >= cutoff else { continue }
                if let reason = signature.disagreement(with: key.signature) {
                    if candidate.score >= threshold, candidate.score > refusal?.score ?? -2 { refusal = (candidate.score, reason) }
                } else if candidate.score > bestAgreeing?.score ?? -2 {
                    bestAgreeing = candidate
                }
            }
            if let bestAgreeing { agreeing.append(bestAgreeing) }
        }

        if let expired = closestExpired, expired.score >= expired.threshold, expired.score > closest?.score ?? -2 {
            return .miss(.expired(entryID: entries[expired.entry].id))
        }
        guard let closest else { return .miss(.noCandidate) }
        agreeing.sort { $0.score > $1.score }
        guard let best = agreeing.first, best.score >= best.threshold, best.threshold.isFinite else {
            if let refusal { return .miss(refusal.reason) }
            return .miss(.belowThreshold(score: closest.score, needed: closest.threshold))
        }
        let entry = entries[best.entry]
        let answer = comparable(entry.answer)
        let rival = agreeing.dropFirst().first { comparable(entries[$0.entry].answer) != answer }
        let margin = rival.map { best.score - $0.score }
        if let rival, let margin, margin < policy.margin {
            return .miss(.tooClose(margin: margin, rivalID: entries[rival.entry].id))
        }
        let explanation = CacheHitExplanation(
            matchedQuestion: entry.keys[best.key].question,
            threshold: best.threshold,
            margin: margin,
            rivalID: rival.map { entries[$0.entry].id },
            evidence: entry.evidence
        )
        return .hit(entry, score: best.score, explanation: explanation)
    }

    /// One key's similarity to the question.
    struct Candidate {
        var entry: Int
        var key: Int
        var score: Float
        var threshold: Float
    }
}
