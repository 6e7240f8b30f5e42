import Brain
import Foundation
import Testing

/// The cache's bookkeeping and decision rule on hand-made vectors whose cosines are known:
/// scopes, expiry, adaptive thresholds, the margin rule, evidence, persistence.
@Suite struct SemanticCacheIndexTests {
    let now = Date(timeIntervalSince1970: 1_750_000_000)
    let scope = CacheScope(tenantID: "bella", embedderID: "test-3d", knowledgeVersion: "v1", rendering: "plain")

    /// A unit vector whose cosine with `axis` (1, 0, 0) is `cosine`, leaning towards `side`.
    func vector(cosine: Float, side: Int = 1) -> [Float] {
        var vector: [Float] = [cosine, 0, 0]
        vector[side] = (1 - cosine * cosine).squareRoot()
        return vector
    }

    let axis: [Float] = [1, 0, 0]

    @discardableResult
    func store(_ cache: SemanticCacheIndex, _ question: String, answer: String? = nil, vector: [Float]? = nil,
               scope: CacheScope? = nil, timeToLive: TimeInterval? = nil) throws -> SemanticCacheEntry {
        let outcome = cache.insert(question: question, answer: answer ?? "answer to \(question)", vector: vector ?? axis,
                                   scope: scope ?? self.scope, isGeneric: true, now: now, timeToLive: timeToLive)
        return try #require(outcome.entry)
    }

    // MARK: - Storing

    @Test func servesTheQuestionItStored() throws {
        let cache = SemanticCacheIndex()
        let entry = try store(cache, "Do you deliver?", answer: "Yes, within 5 km.")
        let decision = cache.lookup(question: "Do you deliver?", vector: axis, scope: scope, now: now)
        guard case .hit(let served, let score, let explanation) = decision else {
            Issue.record("expected a hit, got \(decision)")
            return
        }
        #expect(served.id == entry.id)
        #expect(served.answer == "Yes, within 5 km.")
        #expect(abs(score - 1) < 1e-5)
        #expect(explanation.matchedQuestion == "Do you deliver?")
        #expect(served.evidence.served == 1)
    }

    @Test func refusesAnswersThatDependOnTheCustomer() {
        let cache = SemanticCacheIndex()
        let personalAnswer = cache.insert(question: "Do you deliver?", answer: "Your order arrives at 5.", vector: axis,
                                          scope: scope, isGeneric: false, now: now)
        #expect(personalAnswer.entry == nil)
        guard case .refused(.notGeneric) = personalAnswer else { Issue.record("\(personalAnswer)"); return }
        let personalQuestion = cache.insert(question: "Where is my order?", answer: "We ship in 2 days.", vector: axis,
                                            scope: scope, isGeneric: true, now: now)
        guard case .refused(.personalQuestion(let marker)) = personalQuestion else { Issue.record("\(personalQuestion)"); return }
        #expect(marker == "where is my")
        let noVector = cache.insert(question: "Do you deliver?", answer: "Yes.", vector: [0, 0, 0], scope: scope, isGeneric: true, now: now)
        guard case .refused(.noVector) = noVector else { Issue.record("\(noVector)"); return }
        #expect(cache.count == 0)
    }

    @Test func personalQuestionsAreNeverAnsweredFromTheCache() throws {
        let cache = SemanticCacheIndex()
        try store(cache, "How do I track an order?")
        let decision = cache.lookup(question: "Where is my order?", vector: axis, scope: scope, now: now)
        #expect(decision.missReason == .personalQuestion(marker: "where is my"))
    }

    @Test func paraphrasesWithTheSameAnswerShareAnEntry() throws {
        let cache = SemanticCacheIndex()
        let first = try store(cache, "Do you deliver?", answer: "Yes, within 5 km.")
        let outcome = cache.insert(question: "Do you do delivery?", answer: "  yes, within 5 km. ", vector: vector(cosine: 0.5),
                                   scope: scope, isGeneric: true, now: now)
        guard case .merged(let merged) = outcome else { Issue.record("\(outcome)"); return }
        #expect(merged.id == first.id)
        #expect(merged.keys.map(\.question) == ["Do you deliver?", "Do you do delivery?"])
        let decision = cache.lookup(question: "do you do delivery", vector: vector(cosine: 0.5), scope: scope, now: now)
        guard case .hit(_, _, let explanation) = decision else { Issue.record("\(decision)"); return }
        #expect(explanation.matchedQuestion == "Do you do delivery?")
    }

    @Test func refusesVectorsOfAnotherDimension() throws {
        let cache = SemanticCacheIndex()
        try store(cache, "Do you deliver?")
        let outcome = cache.insert(question: "Do you cater?", answer: "Yes.", vector: [1, 0], scope: scope, isGeneric: true, now: now)
        guard case .refused(.dimensionMismatch(let expected, let got)) = outcome else { Issue.record("\(outcome)"); return }
        #expect(expected == 3 && got == 2)
    }

    // MARK: - Scopes and expiry

    @Test func anotherTenantVersionChannelOrEmbedderNeverHits() throws {
        let cache = SemanticCacheIndex()
        try store(cache, "Do you deliver?")
        var others: [CacheScope] = []
        for change in 0..<4 {
            var other = scope
            switch change {
            case 0: other.tenantID = "luigi"
            case 1: other.knowledgeVersion = "v2"
            case 2: other.rendering = "voice"
            default: other.embedderID = "text-embedding-3-small"
            }
            others.append(other)
        }
        for other in others {
            let decision = cache.lookup(question: "Do you deliver?", vector: axis, scope: other, now: now)
            #expect(decision.missReason == .noCandidate, "\(other)")
        }
        #expect(cache.lookup(question: "Do you deliver?", vector: axis, scope: scope, now: now).entry != nil)
    }

    @Test func invalidatingATenantDropsAllItsScopesAndOnlyThem() throws {
        let cache = SemanticCacheIndex()
        var oldVersion = scope
        oldVersion.knowledgeVersion = "v0"
        var otherTenant = scope
        otherTenant.tenantID = "luigi"
        try store(cache, "Do you deliver?", scope: scope)
        try store(cache, "Do you deliver?", scope: oldVersion)
        try store(cache, "Do you deliver?", scope: otherTenant)
        #expect(cache.invalidate(tenantID: "bella").count == 2)
        #expect(cache.entries(in: scope).isEmpty && cache.entries(in: oldVersion).isEmpty)
        #expect(cache.entries(in: otherTenant).count == 1)
        #expect(cache.invalidate(scope: otherTenant).count == 1)
        #expect(cache.count == 0)
    }

    @Test func entriesExpire() throws {
        let cache = SemanticCacheIndex()
        let entry = try store(cache, "Do you deliver?", timeToLive: 60)
        #expect(cache.lookup(question: "Do you deliver?", vector: axis, scope: scope, now: now.addingTimeInterval(59)).entry != nil)
        let late = cache.lookup(question: "Do you deliver?", vector: axis, scope: scope, now: now.addingTimeInterval(61))
        #expect(late.missReason == .expired(entryID: entry.id))
        #expect(cache.entry(id: entry.id) == nil)
        let later = cache.lookup(question: "Do you deliver?", vector: axis, scope: scope, now: now.addingTimeInterval(62))
        #expect(later.missReason == .noCandidate)
    }

    @Test func purgeRemovesOnlyExpiredEntries() throws {
        let cache = SemanticCacheIndex()
        let shortLived = try store(cache, "Do you deliver?", timeToLive: 60)
        try store(cache, "Do you cater?", answer: "Yes.", vector: vector(cosine: 0), timeToLive: 3600)
        #expect(cache.purgeExpired(now: now.addingTimeInterval(120)) == [shortLived.id])
        #expect(cache.entries(in: scope).map(\.question) == ["Do you cater?"])
    }

    // MARK: - The decision rule

    @Test func aCloseQuestionWithADifferentIdentifierIsRefused() throws {
        let cache = SemanticCacheIndex()
        try store(cache, "Are you open on Sundays?")
        let decision = cache.lookup(question: "Are you open on Mondays?", vector: axis, scope: scope, now: now)
        #expect(decision.missReason == .identifiersDiffer(question: ["day:monday"], entry: ["day:sunday"]))
    }

    @Test func aDistantQuestionIsBelowTheThreshold() throws {
        let cache = SemanticCacheIndex()
        try store(cache, "Do you deliver?")
        let decision = cache.lookup(question: "Do you deliver?", vector: vector(cosine: 0.8), scope: scope, now: now)
        guard case .miss(.belowThreshold(let score, let needed)) = decision else { Issue.record("\(decision)"); return }
        #expect(abs(score - 0.8) < 1e-4)
        #expect(needed == cache.policy.generatedThreshold)
    }

    @Test func aRivalWithAnotherAnswerWithinTheMarginMakesTheQuestionAmbiguous() throws {
        let cache = SemanticCacheIndex()
        try store(cache, "Do you deliver?", answer: "Yes, within 5 km.", vector: vector(cosine: 0.95, side: 1))
        let rival = try store(cache, "Do you deliver food?", answer: "Pizza only.", vector: vector(cosine: 0.94, side: 2))
        let decision = cache.lookup(question: "Do you deliver?", vector: axis, scope: scope, now: now)
        guard case .miss(.tooClose(let margin, let rivalID)) = decision else { Issue.record("\(decision)"); return }
        #expect(rivalID == rival.id)
        #expect(abs(margin - 0.01) < 1e-3)
    }

    @Test func aClearLeadOrARivalThatDisagreesIsNoObstacle() throws {
        let cache = SemanticCacheIndex()
        let best = try store(cache, "Do you deliver?", answer: "Yes, within 5 km.", vector: vector(cosine: 0.95, side: 1))
        try store(cache, "Do you deliver on Sundays?", answer: "Not on Sundays.", vector: vector(cosine: 0.94, side: 2))
        let decision = cache.lookup(question: "Do you deliver?", vector: axis, scope: scope, now: now)
        guard case .hit(let entry, _, let explanation) = decision else { Issue.record("\(decision)"); return }
        #expect(entry.id == best.id)
        #expect(explanation.margin == nil, "the Sunday entry disagrees, so it is no rival")

        try store(cache, "Do you deliver food?", answer: "Pizza only.", vector: vector(cosine: 0.80, side: 2))
        let clear = cache.lookup(question: "Do you deliver?", vector: axis, scope: scope, now: now)
        guard case .hit(_, _, let lead) = clear else { Issue.record("\(clear)"); return }
        #expect(abs((lead.margin ?? 0) - 0.15) < 1e-3)
    }

    // MARK: - Evidence

    @Test func aThresholdStartsStrictAndRelaxesOnlyWithConfirmations() throws {
        let cache = SemanticCacheIndex()
        let entry = try store(cache, "Do you deliver?")
        let question = vector(cosine: 0.855)
        #expect(cache.lookup(question: "Do you deliver?", vector: question, scope: scope, now: now).entry == nil)

        // A shadow check: the model was asked anyway and gave the same answer at 0.85.
        let updated = try #require(cache.recordFeedback(entryID: entry.id, correct: true, score: 0.85))
        #expect(abs(updated.threshold(policy: cache.policy) - 0.85) < 1e-6)
        #expect(cache.lookup(question: "Do you deliver?", vector: question, scope: scope, now: now).entry != nil)

        // However many confirmations, never below the floor.
        for _ in 0..<50 { cache.recordFeedback(entryID: entry.id, correct: true, score: 0.5) }
        #expect(cache.entry(id: entry.id)?.threshold(policy: cache.policy) == cache.policy.floor)
    }

    @Test func aMissTightensTheThresholdAndAStrongMissRetiresTheEntry() throws {
        let cache = SemanticCacheIndex()
        let entry = try store(cache, "Do you deliver?")
        cache.recordFeedback(entryID: entry.id, correct: true, score: 0.85)
        cache.recordFeedback(entryID: entry.id, correct: true, score: 0.84)
        #expect(cache.lookup(question: "Do you deliver?", vector: vector(cosine: 0.88), scope: scope, now: now).entry != nil)

        // Served at 0.88 and reported wrong: the threshold goes above it, confirmations are cancelled.
        let tightened = try #require(cache.recordFeedback(entryID: entry.id, correct: false))
        #expect(tightened.evidence.misses == 1)
        #expect(tightened.threshold(policy: cache.policy) >= 0.88 + cache.policy.missGap - 1e-4)
        #expect(cache.lookup(question: "Do you deliver?", vector: vector(cosine: 0.88), scope: scope, now: now).entry == nil)
        #expect(cache.lookup(question: "Do you deliver?", vector: vector(cosine: 0.95), scope: scope, now: now).entry != nil)

        // Wrong even for an identical question: the answer itself is bad, the entry never serves.
        cache.recordFeedback(entryID: entry.id, correct: false, score: 0.99)
        #expect(cache.lookup(question: "Do you deliver?", vector: axis, scope: scope, now: now).entry == nil)
    }

    @Test func knowledgeBaseEntriesStartLower() throws {
        let cache = SemanticCacheIndex()
        cache.insert(question: "Do you deliver?", answer: "Yes.", vector: axis, scope: scope, isGeneric: true,
                     source: .knowledgeBase("kb-7"), now: now)
        let decision = cache.lookup(question: "Do you deliver?", vector: vector(cosine: 0.85), scope: scope, now: now)
        guard case .hit(let entry, _, let explanation) = decision else { Issue.record("\(decision)"); return }
        #expect(entry.source == .knowledgeBase("kb-7"))
        #expect(explanation.threshold == cache.policy.knowledgeBaseThreshold)
    }

    @Test func statisticsCountHitsAndMissesPerTenant() throws {
        let cache = SemanticCacheIndex()
        try store(cache, "Do you deliver?")
        _ = cache.lookup(question: "Do you deliver?", vector: axis, scope: scope, now: now)
        _ = cache.lookup(question: "Where is my order?", vector: axis, scope: scope, now: now)
        _ = cache.lookup(question: "Do you deliver?", vector: vector(cosine: 0.2), scope: scope, now: now)
        let statistics = cache.statistics(tenantID: "bella")
        #expect(statistics.hits == 1)
        #expect(statistics.misses == ["personal_question": 1, "below_threshold": 1])
        #expect(statistics.lookups == 3)
        #expect(cache.statistics(tenantID: "luigi").lookups == 0)
    }

    @Test func oneCacheServesConcurrentTasks() async throws {
        let cache = SemanticCacheIndex()
        let scope = self.scope
        let now = self.now
        let axis = self.axis
        await withTaskGroup(of: Void.self) { group in
            for tenant in 0..<8 {
                group.addTask {
                    var own = scope
                    own.tenantID = "tenant-\(tenant)"
                    for round in 0..<50 {
                        cache.insert(question: "Do you deliver to zone \(round)?", answer: "Zone \(round): yes.", vector: axis,
                                     scope: own, isGeneric: true, now: now)
                        _ = cache.lookup(question: "Do you deliver to zone \(round)?", vector: axis, scope: own, now: now)
                    }
                }
            }
        }
        #expect(cache.count == 8 * 50)
        for tenant in 0..<8 {
            let statistics = cache.statistics(tenantID: "tenant-\(tenant)")
            #expect(statistics.lookups == 50)
            #expect(statistics.hits == 50, "every question was served its own zone: \(statistics)")
        }
    }

    @Test func entriesAreRowsThatRestoreTheCache() throws {
        let cache = SemanticCacheIndex()
        let entry = try store(cache, "Do you deliver on Sundays before 5pm?")
        cache.recordFeedback(entryID: entry.id, correct: true, score: 0.9)
        let rows = try JSONEncoder().encode(cache.entries(in: scope))
        let restored = SemanticCacheIndex(entries: try JSONDecoder().decode([SemanticCacheEntry].self, from: rows))
        #expect(restored.entry(id: entry.id) == cache.entry(id: entry.id))
        #expect(restored.lookup(question: "do you deliver on sundays before 5 pm", vector: axis, scope: scope, now: now).entry?.id == entry.id)
    }
}
