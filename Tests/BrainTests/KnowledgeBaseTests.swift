import Brain
import Testing

/// The knowledge base on words alone (the gateway without the embedding model).
@Suite struct KnowledgeBaseTests {
    let base = KnowledgeBase(bakery.knowledgeBase)

    @Test(arguments: [
        ("What are your opening hours?", "hours"),
        ("what are the opening hours", "hours"),
        ("When are you open on Sunday?", "hours"),
        ("Do you sell gluten free bread?", "gluten"),
        ("GLUTEN-FREE BREAD??", "gluten"),
    ])
    func answersQuestionsCloseToAnEntry(question: String, expected: String) {
        let decision = base.decide(question)
        #expect(decision.entry?.id == expected, "\(decision.refusal.map { "\($0)" } ?? "")")
    }

    @Test(arguments: ["What's the weather like?", "Can I speak to the manager?", "", "?!", "hello"])
    func hasNoAnswerForUnrelatedQuestions(question: String) {
        #expect(base.decide(question).entry == nil)
    }

    @Test func aWeekdayOutsideTheAnswersRangeIsNotCovered() {
        // "Tuesday to Sunday" covers Sunday and Friday, not Monday.
        #expect(base.decide("are you open on friday").entry?.id == "hours")
        let monday = base.decide("are you open on mondays")
        #expect(monday.entry == nil)
        #expect(monday.candidates.first?.uncovered == ["mondays"])
    }

    @Test func aPersonalQuestionOrAnOrderNumberIsNeverAnswered() {
        #expect(base.decide("where is my order of gluten free bread").refusal?.code == "personal")
        #expect(base.decide("gluten free bread for order #A-4471?").refusal?.code == "identifiers")
    }

    @Test func examplesAreMatchedLikeTheQuestion() {
        let plain = KnowledgeBase([KnowledgeEntry(id: "card", question: "Which payment methods do you take?", answer: "Cash and all major cards.")])
        #expect(plain.decide("can I pay by contactless").entry == nil)
        let taught = KnowledgeBase([KnowledgeEntry(
            id: "card", question: "Which payment methods do you take?", answer: "Cash and all major cards.",
            examples: ["can I pay contactless"]
        )])
        #expect(taught.decide("can I pay by contactless").entry?.id == "card")
    }

    @Test func stemsMeetAcrossEndings() {
        #expect(KnowledgeText.stems("openings cancelled shipping reservations") == KnowledgeText.stems("opening cancellation ships reserve"))
    }
}
