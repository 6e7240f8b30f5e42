import ChannelKit
import Testing

@testable import Brain

@Suite struct LLMPromptBuilderTests {
    let builder = PromptBuilder()

    @Test func voiceAsksForShortSpeakableTextWithoutMarkupOrURLs() {
        let prompt = builder.systemPrompt(for: LLMFixtures.context("When are you open?", on: .voice))
        #expect(prompt.contains("one to three short sentences"))
        #expect(prompt.contains("no markup"))
        #expect(prompt.contains("no markdown"))
        #expect(prompt.contains("Never say a URL"))
        #expect(prompt.contains("Say numbers"))
        #expect(!prompt.contains("Light formatting"))
    }

    @Test func smsIsPlainAndShort() {
        let prompt = builder.systemPrompt(for: LLMFixtures.context("When are you open?", on: .sms))
        #expect(prompt.contains("Plain text only"))
        #expect(prompt.contains("320 characters"))
        #expect(prompt.contains("no markdown"))
    }

    @Test func emailHasAGreetingAndASignOff() {
        let prompt = builder.systemPrompt(for: LLMFixtures.context("When are you open?", on: .email))
        #expect(prompt.contains("greeting"))
        #expect(prompt.contains("sign-off from Bella's Bakery"))
        #expect(prompt.contains("paragraphs"))
    }

    @Test(arguments: [ChannelKind.telegram, .whatsapp, .instagram, .webchat, .api])
    func chatChannelsAllowLightFormatting(kind: ChannelKind) {
        let prompt = builder.systemPrompt(for: LLMFixtures.context("Hi", on: kind))
        #expect(prompt.contains("Light formatting"))
        #expect(prompt.contains("short"))
    }

    @Test func thePromptStatesTheTenantTheRulesAndTheKnowledge() {
        let prompt = builder.systemPrompt(for: LLMFixtures.context("Hi"))
        #expect(prompt.contains("You are the front desk of Bella's Bakery for Bella's Bakery"))
        #expect(prompt.contains("warm tone"))
        #expect(prompt.contains("Answer in the language en"))
        #expect(prompt.contains("Answer ONLY from the business knowledge"))
        #expect(prompt.contains("Reply with exactly [[HANDOFF]] and nothing else"))
        #expect(prompt.contains("asks for a human"))
        #expect(prompt.contains("Q: What are your opening hours?\nA: Tuesday to Sunday, 7am to 6pm."))
    }

    @Test func customerFactsNeverIncludeThePhoneOrEmail() {
        let history = [LLMFixtures.message(.customer, "Hello from SMS", channelID: "bakery-sms")]
        let context = LLMFixtures.context("Hi", history: history)
        let everything = builder.messages(for: context).map(\.content).joined(separator: "\n")
        #expect(everything.contains("Name: Ada"))
        #expect(everything.contains("verified"))
        #expect(everything.contains("bakery-sms"))
        #expect(!everything.contains("+14155550123"))
        #expect(!everything.contains("ada@example.com"))
    }

    @Test func anUnverifiedNamelessCustomerIsSaidToBeSo() {
        let stranger = CustomerRecord(id: "c2", tenantID: "bakery", isVerified: false, createdAt: LLMFixtures.customer.createdAt)
        let prompt = builder.systemPrompt(for: LLMFixtures.context("Hi", customer: stranger))
        #expect(prompt.contains("Name: not known"))
        #expect(prompt.contains("not verified"))
    }

    @Test func historyBecomesAlternatingTurnsEndingWithTheQuestion() {
        let history = [
            LLMFixtures.message(.assistant, "Welcome!"),
            LLMFixtures.message(.customer, "Do you bake rye?"),
            LLMFixtures.message(.assistant, "Yes, on Fridays."),
            LLMFixtures.message(.agent, "Hi, this is Sam from the shop."),
            LLMFixtures.message(.customer, "Thanks Sam."),
        ]
        let messages = builder.messages(for: LLMFixtures.context("Can I reserve one?", history: history, memories: ["I am allergic to sesame"]))
        #expect(messages.map(\.role) == [.system, .assistant, .user, .assistant, .user])
        #expect(messages[3].content == "Yes, on Fridays.\n\nHi, this is Sam from the shop.")
        #expect(messages[4].content == "Thanks Sam.\n\nCan I reserve one?")
        #expect(messages[0].content.contains("- I am allergic to sesame"))
    }

    @Test func onlyTheLatestHistoryIsUsed() {
        let history = (1...30).map { LLMFixtures.message($0.isMultiple(of: 2) ? .assistant : .customer, "message \($0)") }
        let messages = PromptBuilder(maxHistoryMessages: 4).messages(for: LLMFixtures.context("Next?", history: history))
        let turns = messages.dropFirst().map(\.content)
        #expect(turns == ["message 27", "message 28", "message 29", "message 30", "Next?"])
    }

    @Test func everyChannelKindHasRules() {
        for kind in ChannelKind.allCases {
            #expect(!PromptBuilder.channelRules(for: kind, businessName: "B").isEmpty)
        }
    }
}
