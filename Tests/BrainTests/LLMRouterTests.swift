import ChannelKit
import Testing

@testable import Brain

@Suite struct LLMRouterTests {
    let router = ModelRouter(settings: LLMFixtures.settings())

    @Test func aSimpleQuestionGoesToTheCheapModel() {
        let assessment = QuestionAssessment(question: "What time do you open?")
        #expect(assessment.signals.isEmpty)
        #expect(!assessment.prefersStrongModel)
        #expect(router.chain(question: "What time do you open?").map(\.id) == ["fast", "local"])
    }

    @Test(arguments: [
        ("Do you have gluten-free bread? And do you deliver on Sundays?", QuestionAssessment.Signal.severalQuestions),
        ("Can you explain the difference between your sourdough and your rye?", .reasoning),
        ("Why is the croissant more expensive than last week", .reasoning),
        ("How do I order a birthday cake online", .reasoning),
        ("I need 3 boxes of 12 cupcakes, how much is that in total", .arithmetic),
        ("What is 4 x 3.50", .arithmetic),
        ("The cake I picked up was broken and I want a refund", .complaint),
        ("This is unacceptable, nobody answers the phone", .complaint),
    ])
    func complexQuestionsGoToTheStrongModel(question: String, signal: QuestionAssessment.Signal) {
        let assessment = QuestionAssessment(question: question)
        #expect(assessment.signals.contains(signal), "\(assessment.signals)")
        #expect(assessment.prefersStrongModel)
        #expect(router.chain(question: question).first?.id == "smart")
    }

    @Test func aLongQuestionIsComplex() {
        let question = String(repeating: "I would like to know about your bread please ", count: 5)
        #expect(question.count > 200)
        #expect(QuestionAssessment(question: question).signals.contains(.long))
    }

    @Test func numbersAloneOrHowAloneAreNotComplex() {
        #expect(QuestionAssessment(question: "Are you open on the 24th?").signals.isEmpty)
        #expect(QuestionAssessment(question: "How are you today?").signals.isEmpty)
        #expect(QuestionAssessment(question: "What time do you open?").score == 0)
    }

    @Test func aCustomerMidComplaintGetsTheStrongModelForAnyQuestion() {
        let history = [
            LLMFixtures.message(.customer, "My order arrived damaged."),
            LLMFixtures.message(.assistant, "I'm sorry to hear that."),
        ]
        let assessment = QuestionAssessment(question: "When do you open?", history: history)
        #expect(assessment.signals == [.complaint])
        #expect(router.chain(question: "When do you open?", history: history).first?.id == "smart")
    }

    @Test func onlyTheCustomersOwnWordsCountAsAComplaint() {
        let history = [LLMFixtures.message(.agent, "Refunds take five days; sorry it arrived broken.")]
        #expect(QuestionAssessment(question: "When do you open?", history: history).signals.isEmpty)
    }

    @Test func theTenantsForcedModelWins() {
        let policy = TenantModelPolicy(forcedModelID: "local")
        #expect(router.chain(question: "Why? How? Explain!", policy: policy).map(\.id) == ["local", "fast"])
        // An id that does not exist is ignored rather than leaving the tenant without a model.
        #expect(router.chain(question: "Hi", policy: TenantModelPolicy(forcedModelID: "gone")).first?.id == "fast")
    }

    @Test func theChainHasNoDuplicatesAndSkipsUnavailableEndpoints() {
        #expect(router.chain(question: "Why?").map(\.id) == ["smart", "fast", "local"])
        let withoutPrimary = router.chain(question: "Why?") { $0.id != "primary" }
        #expect(withoutPrimary.map(\.id) == ["local"])
        #expect(router.chain(question: "Hi", policy: TenantModelPolicy(isEnabled: false)).isEmpty)
    }

    @Test func disabledEndpointsAreLeftOut() {
        var settings = LLMFixtures.settings()
        settings.endpoints[0].disabledReason = "apiKey (environment variable OPENAI_API_KEY is not set)"
        #expect(ModelRouter(settings: settings).chain(question: "Hi").map(\.id) == ["local"])
        #expect(settings.hasUsableModel)
    }

    @Test func missingModelIDsFallBackToTiers() {
        var settings = LLMFixtures.settings()
        settings.cheapModelID = nil
        settings.strongModelID = nil
        #expect(settings.cheapModel?.id == "fast")
        #expect(settings.strongModel?.id == "smart")
        settings.models.removeAll { $0.tier == .strong }
        #expect(settings.strongModel?.id == "fast")
    }

    @Test func timeBudgetsDependOnTheChannel() {
        let settings = LLMSettings()
        #expect(settings.timeBudget(for: .voice) == .seconds(4))
        #expect(settings.timeBudget(for: .sms) == .seconds(20))
        #expect(settings.timeBudget(for: .email) == .seconds(30))
        #expect(settings.retryCount == 2)
        #expect(settings.breakerFailureThreshold == 5)
        #expect(settings.breakerCooldown == .seconds(30))
    }
}
