import Brain
import Foundation
import Testing

/// The knowledge base's decision with the real MiniLM model, through the responder the gateway
/// uses: one regression test per class of wrong answer the decision must refuse, beside the
/// answers it must give. The businesses here are written for these tests; they are neither the
/// tuning set nor the held-back set of `Benchmarks/KBEval`.
@Suite(.serialized) struct KnowledgeBaseMiniLMTests {
    static let clinic = TenantProfile(
        id: "clinic", name: "Parkside Dental",
        knowledgeBase: [
            KnowledgeEntry(id: "hours", question: "What are your opening hours?",
                           answer: "We're open Monday to Friday 8am to 6pm and Saturday 9am to 1pm."),
            KnowledgeEntry(id: "insurance", question: "Which insurance plans do you accept?",
                           answer: "We accept Delta Dental, Aetna, Cigna and MetLife."),
            KnowledgeEntry(id: "whitening", question: "How much does teeth whitening cost?",
                           answer: "In-office whitening is $350; a take-home kit is $180."),
            KnowledgeEntry(id: "pets", question: "Can I bring my dog to the waiting room?",
                           answer: "Guide dogs and small dogs on a lead are welcome in the waiting room."),
            KnowledgeEntry(id: "shipping", question: "Do you ship whitening kits abroad?",
                           answer: "We ship kits to Canada, Mexico and the United Kingdom."),
            KnowledgeEntry(id: "parking", question: "Is there parking?",
                           answer: "Yes, free parking behind the building."),
        ]
    )

    static let responder: KnowledgeBaseResponder? = try? KnowledgeBaseResponder(embedder: MiniLMEmbedder(modelDirectory: MiniLMTestSupport.modelDirectory()))

    func decide(_ question: String) async throws -> KnowledgeDecision {
        let responder = try #require(Self.responder, "the MiniLM model is missing: run scripts/install-model")
        return try #require(try await responder.decide(question, tenant: Self.clinic))
    }

    @Test(arguments: [
        ("when are you open on saturday", "hours"),
        ("how much is whitening", "whitening"),
        ("can my dog come in with me", "pets"),
        ("do you ship to canada", "shipping"),
    ])
    func answersWhatAnEntrySays(question: String, expected: String) async throws {
        let decision = try await decide(question)
        #expect(decision.entry?.id == expected, "\(decision.refusal.map { "\($0)" } ?? "") \(decision.candidates.first.map { "\($0)" } ?? "")")
    }

    /// A one-word swap: the same question about another thing of the same kind.
    @Test(arguments: ["How much does a root canal cost?", "do you take hamsters"])
    func refusesAOneWordSwap(question: String) async throws {
        let decision = try await decide(question)
        #expect(decision.entry == nil, "answered with \(decision.entry?.id ?? "")")
    }

    /// An entity the entry's answer does not list.
    @Test(arguments: ["Do you ship to Brazil?", "Do you accept Humana?", "are you open on sundays"])
    func refusesAnEntityTheAnswerDoesNotCover(question: String) async throws {
        let decision = try await decide(question)
        #expect(decision.entry == nil, "answered with \(decision.entry?.id ?? "")")
        #expect(decision.refusal?.code == "uncovered" || decision.refusal?.code == "below_threshold")
    }

    @Test func refusesANegatedQuestionTheEntryDoesNotAnswer() async throws {
        let decision = try await decide("What if I don't have insurance?")
        #expect(decision.entry == nil, "answered with \(decision.entry?.id ?? "")")
    }

    @Test(arguments: ["Is my whitening appointment still on for Tuesday?", "did you get my insurance card", "where is my whitening kit order"])
    func refusesAPersonalQuestion(question: String) async throws {
        let decision = try await decide(question)
        #expect(decision.entry == nil)
        #expect(decision.refusal?.code == "personal")
    }
}
