import Brain
import Foundation
import Testing

/// The cache with the real all-MiniLM-L6-v2 vectors: a restaurant's and a shop's generic answers
/// are cached; true paraphrases are served, near misses, personal questions, other identifiers
/// and negations are not. Fails, with the install instructions, when the model is missing.
@Suite struct SemanticCacheModelTests {
    let now = Date(timeIntervalSince1970: 1_750_000_000)
    let scope = CacheScope(tenantID: "bella", embedderID: "all-MiniLM-L6-v2", knowledgeVersion: "v1", rendering: "plain")

    /// Generic questions the tenant's assistant already answered.
    static let cached = [
        "What are your opening hours?", "Are you open on Sundays?", "Do you take reservations?", "Do you have vegan options?",
        "Do you deliver?", "Is there a kids menu?", "Do you have outdoor seating?", "How much is shipping?",
        "What is your return policy?", "How do I cancel my subscription?", "Can I book a table for 4 at 7pm?",
        "Which dishes contain nuts?", "Is the deposit refundable?", "Is order #58123 shipped?",
        "Are you open on December 24?", "Do you have apartments for rent?", "How do I track my order?",
    ]

    /// The model and the cached questions' vectors, loaded once for all the tests of the suite
    /// (a debug build embeds slowly).
    struct Fixture: Sendable {
        let embedder: MiniLMEmbedder
        let vectors: [[Float]]
    }

    static let fixture = Task<Fixture, any Error> {
        let embedder = try MiniLMEmbedder(modelDirectory: try MiniLMTestSupport.modelDirectory())
        return Fixture(embedder: embedder, vectors: try await embedder.embed(cached))
    }

    func makeCache(policy: SemanticCachePolicy = SemanticCachePolicy()) async throws -> SemanticCacheIndex {
        let cache = SemanticCacheIndex(policy: policy)
        let vectors = try await Self.fixture.value.vectors
        for (question, vector) in zip(Self.cached, vectors) {
            let outcome = cache.insert(question: question, answer: "answer to \(question)", vector: vector, scope: scope,
                                       isGeneric: true, now: now)
            try #require(outcome.entry != nil, "\(question) was not stored: \(outcome)")
        }
        return cache
    }

    func embed(_ question: String) async throws -> [Float] {
        try await Self.fixture.value.embedder.embed([question])[0]
    }

    func decide(_ question: String, in cache: SemanticCacheIndex) async throws -> CacheDecision {
        let vector = try await embed(question)
        return cache.lookup(question: question, vector: vector, scope: scope, now: now)
    }

    @Test(arguments: [
        ("Do you open on Sundays?", "Are you open on Sundays?"),
        ("are you open on sunday", "Are you open on Sundays?"),
        ("Do you have a menu for kids?", "Is there a kids menu?"),
        ("How much does shipping cost?", "How much is shipping?"),
        ("can i book a table for four at 7 pm", "Can I book a table for 4 at 7pm?"),
        ("Are you open on Dec 24th?", "Are you open on December 24?"),
        ("What's the policy on returns?", "What is your return policy?"),
    ])
    func servesTruePararaphrases(question: String, cached: String) async throws {
        let cache = try await makeCache()
        let decision = try await decide(question, in: cache)
        guard case .hit(let entry, let score, let explanation) = decision else {
            Issue.record("\"\(question)\" should be served \"\(cached)\": \(decision)")
            return
        }
        #expect(entry.question == cached)
        #expect(score >= explanation.threshold)
    }

    @Test(arguments: [
        "How do I renew my subscription?", "Do you have vegetarian options?", "Are you open on Mondays?",
        "Do you have indoor seating?", "Do you have apartments for sale?", "Can I order takeaway?",
        "Can I book a table for 6 at 7pm?", "Can I book a table for 4 at 8pm?", "Is order #58132 shipped?",
        "Are you open on December 31?", "Which dishes don't contain nuts?", "Is the deposit non-refundable?",
        "Where is my order?", "Has my package shipped yet?", "When will my order arrive?", "Is my table ready?",
    ])
    func refusesNearMissesPersonalQuestionsOtherIdentifiersAndNegations(question: String) async throws {
        let cache = try await makeCache()
        let decision = try await decide(question, in: cache)
        #expect(decision.entry == nil, "\"\(question)\" was served \"\(decision.entry?.question ?? "")\"")
    }

    /// With thresholds far more permissive than the defaults, the signature alone still refuses.
    @Test(arguments: [
        ("How do I renew my subscription?", "action_differs"),
        ("Do you have vegetarian options?", "attribute_differs"),
        ("Are you open on Mondays?", "identifiers_differ"),
        ("Do you have indoor seating?", "word_differs"),
        ("Do you have apartments for sale?", "action_differs"),
        ("Can I book a table for 6 at 7pm?", "numbers_differ"),
        ("Is order #58132 shipped?", "identifiers_differ"),
        ("Which dishes don't contain nuts?", "negation_differs"),
        ("Is the deposit non-refundable?", "negation_differs"),
        ("Where is my order?", "personal_question"),
    ])
    func theSignatureRefusesWhatTheEmbeddingConfuses(question: String, reason: String) async throws {
        let permissive = SemanticCachePolicy(generatedThreshold: 0.70, knowledgeBaseThreshold: 0.70, floor: 0.70)
        let cache = try await makeCache(policy: permissive)
        let decision = try await decide(question, in: cache)
        #expect(decision.missReason?.code == reason, "\"\(question)\": \(decision)")
    }

    @Test func twoCustomersAskingAboutTheirOrderNeverShareAnAnswer() async throws {
        let cache = SemanticCacheIndex()
        let vector = try await embed("Where is my order?")
        let stored = cache.insert(question: "Where is my order?", answer: "Your order #1 left our depot today.", vector: vector,
                                  scope: scope, isGeneric: true, now: now)
        #expect(stored.entry == nil)
        #expect(cache.lookup(question: "Where is my order?", vector: vector, scope: scope, now: now).missReason
            == .personalQuestion(marker: "where is my"))
    }
}
