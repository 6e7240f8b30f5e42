import Brain
import Testing

@Suite struct KnowledgeBaseTests {
    let base = KnowledgeBase(bakery.knowledgeBase)

    @Test(arguments: [
        ("What are your opening hours?", "hours"),
        ("what are the opening hours", "hours"),
        ("When are you open on Sunday?", "hours"),
        ("Do you sell gluten free loaves?", "gluten"),
        ("GLUTEN-FREE BREAD??", "gluten"),
    ])
    func answersQuestionsCloseToAnEntry(question: String, expected: String) {
        #expect(base.bestMatch(for: question, threshold: 0.5)?.entry.id == expected)
    }

    @Test(arguments: ["What's the weather like?", "Can I speak to the manager?", "", "?!", "hello"])
    func hasNoAnswerForUnrelatedQuestions(question: String) {
        #expect(base.bestMatch(for: question, threshold: 0.5) == nil)
    }

    @Test func identicalQuestionScoresOne() throws {
        let match = try #require(base.bestMatch(for: "Do you have gluten-free bread?", threshold: 0.5))
        #expect(match.score == 1)
    }

    @Test func aStricterThresholdRejectsLooseMatches() {
        #expect(base.bestMatch(for: "opening hours", threshold: 0.5) != nil)
        #expect(base.bestMatch(for: "opening hours for the holidays in december", threshold: 0.9) == nil)
    }
}
