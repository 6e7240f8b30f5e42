import ChannelKit
import ChannelKitTesting
import Foundation
import GRDB
import Testing

@testable import Brain
@testable import Gateway

/// The brain's promises, end to end: real SQLite, the real ledger, the LLM over real HTTP.
@Suite struct PipelineIntegrationTests {
    let sms = ChannelRef(tenantID: "bakery", channelID: "bakery-sms", kind: .sms)
    let whatsapp = ChannelRef(tenantID: "bakery", channelID: "bakery-wa", kind: .whatsapp)
    let voice = ChannelRef(tenantID: "bakery", channelID: "bakery-voice", kind: .voice)
    let api = ChannelRef(tenantID: "bakery", channelID: "bakery-api", kind: .api)

    @Test func oneNumberOnThreeChannelsIsOneCustomerAndTheAssistantSeesWhatWasSaid() async throws {
        try await FakeProvider.withRunning(defaultReply: fakeCompletion(promptTokens: 100, completionTokens: 20)) { provider in
            try await PipelineTestBench.with(tenants: [bakeryTenant()], llm: fakeLLMSettings(provider)) { bench in
                try await bench.deliver("My order number is 4471, for the wedding cake", from: Participant(channelUserID: "+14155550100"), on: sms)
                try await bench.deliver("Can you check on my order status?", from: Participant(channelUserID: "whatsapp:+14155550100"), on: whatsapp)
                try await bench.deliver("Is my cake ready yet?", from: Participant(channelUserID: "(415) 555-0100"), on: voice)

                let customers = try await bench.store.pool.read { db in
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customers WHERE tenant_id = 'bakery'")
                }
                #expect(customers == 1)
                let requests = await provider.requests
                #expect(requests.count == 3)
                // On WhatsApp, the model was shown what the customer said on SMS.
                let whatsappPrompt = try #require(requests.dropFirst().first).bodyText
                #expect(whatsappPrompt.contains("My order number is 4471"))
                // On voice, both earlier channels.
                let voicePrompt = try #require(requests.last).bodyText
                #expect(voicePrompt.contains("4471"))
                #expect(voicePrompt.contains("Can you check on my order status?"))
            }
        }
    }

    @Test func askingForAPersonHandsOffWithoutCallingTheModel() async throws {
        try await FakeProvider.withRunning(defaultReply: fakeCompletion(promptTokens: 10, completionTokens: 5)) { provider in
            try await PipelineTestBench.with(tenants: [bakeryTenant()], llm: fakeLLMSettings(provider)) { bench in
                let sender = Participant(channelUserID: "cust-1")
                let outcome = try await bench.deliver("I want to talk to a person", from: sender, on: api)
                guard case .handedOff(_, let reason) = outcome else {
                    Issue.record("expected a handoff, got \(outcome)")
                    return
                }
                #expect(reason.contains("asked for a person"))
                #expect(try await bench.replyText(outcome, tenantID: "bakery") == "A baker will answer you here shortly.")
                #expect(try await bench.store.conversations(tenantID: "bakery").first?.status == .waiting)
                // While the human owns it, nothing is answered and the model is never called.
                let next = try await bench.deliver("Hello? Are you open today?", from: sender, on: api)
                guard case .silent = next else {
                    Issue.record("expected silence while a human owns the conversation, got \(next)")
                    return
                }
                #expect(await provider.requests.isEmpty)
            }
        }
    }

    @Test func repeatedUnansweredQuestionsHandOff() async throws {
        try await FakeProvider.withRunning(defaultReply: fakeCompletion(promptTokens: 30, completionTokens: 3) { _ in "[[HANDOFF]]" }) { provider in
            try await PipelineTestBench.with(tenants: [bakeryTenant()], llm: fakeLLMSettings(provider)) { bench in
                let sender = Participant(channelUserID: "curious")
                let first = try await bench.deliver("Which flour mill supplies your rye flour?", from: sender, on: api)
                guard case .replied(_, "unanswered") = first else {
                    Issue.record("expected the unanswered message first, got \(first)")
                    return
                }
                #expect(try await bench.replyText(first, tenantID: "bakery") == bakeryTenant().assistant.unansweredMessage)
                let second = try await bench.deliver("And what temperature do you bake baguettes at?", from: sender, on: api)
                guard case .handedOff(_, let reason) = second else {
                    Issue.record("expected a handoff after two unanswered questions, got \(second)")
                    return
                }
                #expect(reason.contains("2 questions in a row"))
                #expect(try await bench.store.conversations(tenantID: "bakery").first?.status == .waiting)
            }
        }
    }

    @Test func rapidFireAndRepetitionAreBlockedWithoutCost() async throws {
        try await FakeProvider.withRunning(defaultReply: fakeCompletion(promptTokens: 40, completionTokens: 10)) { provider in
            try await PipelineTestBench.with(tenants: [bakeryTenant()], llm: fakeLLMSettings(provider)) { bench in
                let spammer = Participant(channelUserID: "spammer")
                var outcomes: [PipelineOutcome] = []
                for index in 1...7 {
                    outcomes.append(try await bench.deliver("Question number \(index) about your sourdough bread", from: spammer, on: api))
                }
                #expect(outcomes.prefix(5).allSatisfy { if case .replied = $0 { true } else { false } })
                guard case .blocked("rapid_fire", let notice?) = outcomes[5] else {
                    Issue.record("expected the 6th message blocked with a notice, got \(outcomes[5])")
                    return
                }
                #expect(try await bench.replyText(.blocked(reason: "rapid_fire", noticeOutboxID: notice), tenantID: "bakery")?.isEmpty == false)
                #expect(outcomes[6] == .blocked(reason: "rapid_fire", noticeOutboxID: nil))

                let repeater = Participant(channelUserID: "repeater")
                var repeated: [PipelineOutcome] = []
                for _ in 1...3 {
                    repeated.append(try await bench.deliver("Do you deliver cakes to Springfield on Sundays?", from: repeater, on: api))
                }
                guard case .blocked("repetition", _) = repeated[2] else {
                    Issue.record("expected the 3rd identical question blocked, got \(repeated[2])")
                    return
                }
                // Only the 5 + 2 answered messages reached the model and the ledger.
                #expect(await provider.requests.count == 7)
                let rows = try await bench.ledgerRows(tenantID: "bakery")
                #expect(rows.count == 14)
                let blocked = try await bench.store.pool.read { db in
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages WHERE tenant_id = 'bakery' AND blocked_reason IS NOT NULL")
                }
                #expect(blocked == 3)
            }
        }
    }

    @Test func theLedgerMatchesTheModelsUsageExactly() async throws {
        try await FakeProvider.withRunning(defaultReply: fakeCompletion(promptTokens: 123, completionTokens: 45)) { provider in
            try await PipelineTestBench.with(tenants: [bakeryTenant()], llm: fakeLLMSettings(provider, inputPrice: 0.15, outputPrice: 0.6)) { bench in
                for index in 0..<4 {
                    try await bench.deliver("Could you recommend a cake for \(index + 2) people?", from: Participant(channelUserID: "c\(index)"), on: api)
                }
                let rows = try await bench.ledgerRows(tenantID: "bakery")
                let input = rows.filter { $0.unit == "input_token" }
                let output = rows.filter { $0.unit == "output_token" }
                #expect(input.map(\.quantity) == [123, 123, 123, 123])
                #expect(output.map(\.quantity) == [45, 45, 45, 45])
                // 0.15 per million = 150 nano-units a token; 0.6 per million = 600.
                #expect(input.map(\.amount) == Array(repeating: 123 * 150, count: 4))
                #expect(output.map(\.amount) == Array(repeating: 45 * 600, count: 4))
                let state = try await bench.ledger.state(tenantID: "bakery")
                #expect(state.spentNanos == 4 * (123 * 150 + 45 * 600))
                #expect(state.reservedNanos == 0)
            }
        }
    }

    @Test func twentyConcurrentConversationsNeverOverspendABudget() async throws {
        // Each call is reserved at its worst case and costs 300 input + 50 output tokens.
        try await FakeProvider.withRunning(defaultReply: .delayed(.milliseconds(50), then: fakeCompletion(promptTokens: 300, completionTokens: 50))) { provider in
            let tenant = bakeryTenant(monthlyLimit: 0.003)
            try await PipelineTestBench.with(tenants: [tenant], llm: fakeLLMSettings(provider, inputPrice: 1, outputPrice: 2, maxTokens: 100)) { bench in
                let outcomes = try await withThrowingTaskGroup(of: PipelineOutcome.self) { group in
                    for index in 0..<20 {
                        group.addTask {
                            try await bench.deliver("Can you make a vegan chocolate cake for \(index) guests?", from: Participant(channelUserID: "guest-\(index)"), on: api)
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                let state = try await bench.ledger.state(tenantID: "bakery")
                #expect(state.spentNanos <= state.limitNanos)
                #expect(state.reservedNanos == 0)
                let answered = outcomes.filter { if case .replied(_, let source) = $0 { source.hasPrefix("llm:") } else { false } }
                let handedOff = outcomes.filter { if case .handedOff(_, let reason) = $0 { reason.contains("budget") } else { false } }
                #expect(!answered.isEmpty)
                #expect(!handedOff.isEmpty)
                // Nobody was left without a reply.
                #expect(answered.count + handedOff.count == 20)
                #expect(await provider.requests.count == answered.count)
            }
        }
    }

    @Test func alertsAtSeventyFiveNinetyAndAHundredPercentThenDegradesToKnowledgeAndHandoff() async throws {
        // No input price and usage equal to the reservation: every call costs exactly 100 × 1000 nanos.
        try await FakeProvider.withRunning(defaultReply: fakeCompletion(promptTokens: 80, completionTokens: 100)) { provider in
            let tenant = bakeryTenant(monthlyLimit: 0.001)
            try await PipelineTestBench.with(tenants: [tenant], llm: fakeLLMSettings(provider, inputPrice: 0, outputPrice: 1, maxTokens: 100)) { bench in
                var thresholdsAfterCall: [[Int]] = []
                for index in 0..<10 {
                    try await bench.deliver("Tell me about your seasonal pies, number \(index)", from: Participant(channelUserID: "p\(index)"), on: api)
                    thresholdsAfterCall.append(try await bench.ledger.state(tenantID: "bakery").alerts.map(\.threshold).sorted())
                }
                #expect(thresholdsAfterCall[6] == [])
                #expect(thresholdsAfterCall[7] == [75])
                #expect(thresholdsAfterCall[8] == [75, 90])
                #expect(thresholdsAfterCall[9] == [75, 90, 100])
                #expect(try await bench.ledger.state(tenantID: "bakery").spentNanos == 1_000_000)

                // Spent: knowledge-base answers still work, other questions go to a human, never silence.
                let known = try await bench.deliver("What are your opening hours?", from: Participant(channelUserID: "late-1"), on: api)
                #expect(known == .replied(outboxID: try #require(Self.outboxID(known)), source: "knowledge_base:hours"))
                let unknown = try await bench.deliver("Do you cater weddings?", from: Participant(channelUserID: "late-2"), on: api)
                guard case .handedOff(_, let reason) = unknown else {
                    Issue.record("expected a handoff once the budget is spent, got \(unknown)")
                    return
                }
                #expect(reason.contains("budget"))
                #expect(try await bench.replyText(unknown, tenantID: "bakery") == "A baker will answer you here shortly.")
                #expect(await provider.requests.count == 10)
            }
        }
    }

    @Test func aSlowModelOnVoiceGetsASpokenFallbackWithinTheBudget() async throws {
        try await FakeProvider.withRunning(defaultReply: .delayed(.seconds(8), then: fakeCompletion(promptTokens: 1, completionTokens: 1))) { provider in
            var settings = fakeLLMSettings(provider)
            settings.timeBudgets[.voice] = .milliseconds(400)
            try await PipelineTestBench.with(tenants: [bakeryTenant()], llm: settings) { bench in
                let start = ContinuousClock.now
                let outcome = try await bench.deliver("Could you describe your chocolate cakes?", from: Participant(channelUserID: "+14155550123"), on: voice)
                let elapsed = ContinuousClock.now - start
                #expect(elapsed < .seconds(5), "far sooner than the 8 s the model takes (the margin allows for a loaded test machine)")
                guard case .replied(_, "unanswered") = outcome else {
                    Issue.record("expected the spoken fallback, got \(outcome)")
                    return
                }
                #expect(try await bench.replyText(outcome, tenantID: "bakery") == bakeryTenant().assistant.fallbackMessage)
                #expect(try await bench.ledgerRows(tenantID: "bakery").isEmpty)
            }
        }
    }

    @Test func stopSilencesTheNumberUntilStartAndHelpIsAnswered() async throws {
        try await PipelineTestBench.with(tenants: [bakeryTenant()], llm: nil) { bench in
            let customer = Participant(channelUserID: "+14155550199")
            let stop = try await bench.deliver("Stop", from: customer, on: sms, metadata: [InboundMetadataKey.compliance: "stop"])
            #expect(stop == .silent(reason: "opted out (STOP)"))
            let ignored = try await bench.deliver("What are your opening hours?", from: customer, on: sms)
            #expect(ignored == .silent(reason: "the customer opted out of this channel"))
            // The same number on WhatsApp did not opt out of WhatsApp.
            let elsewhere = try await bench.deliver("What are your opening hours?", from: Participant(channelUserID: "whatsapp:+14155550199"), on: whatsapp)
            #expect(Self.outboxID(elsewhere) != nil)
            _ = try await bench.deliver("START", from: customer, on: sms, metadata: [InboundMetadataKey.compliance: "start"])
            let answered = try await bench.deliver("What are your opening hours? I'm back.", from: customer, on: sms)
            #expect(Self.outboxID(answered) != nil)
            let help = try await bench.deliver("HELP", from: customer, on: sms, metadata: [
                InboundMetadataKey.compliance: "help", InboundMetadataKey.complianceReply: "Bella's Bakery: reply STOP to opt out.",
            ])
            guard case .replied(_, "compliance") = help else {
                Issue.record("expected the help text, got \(help)")
                return
            }
            #expect(try await bench.replyText(help, tenantID: "bakery") == "Bella's Bakery: reply STOP to opt out.")
        }
    }

    @Test func tenantsNeverSeeEachOthersCustomers() async throws {
        let other = bakeryTenant(id: "other")
        try await PipelineTestBench.with(tenants: [bakeryTenant(), other], llm: nil) { bench in
            let otherSMS = ChannelRef(tenantID: "other", channelID: "other-sms", kind: .sms)
            try await bench.deliver("What are your opening hours?", from: Participant(channelUserID: "+14155550100"), on: sms)
            try await bench.deliver("What are your opening hours?", from: Participant(channelUserID: "+14155550100"), on: otherSMS)
            let mine = try #require(try await bench.store.conversations(tenantID: "bakery").first)
            let theirs = try #require(try await bench.store.conversations(tenantID: "other").first)
            // The same number is a different customer in each tenant.
            #expect(mine.customerID != theirs.customerID)
            #expect(try await bench.store.customer(id: mine.customerID, tenantID: "other") == nil)
            #expect(try await bench.store.identities(customerID: mine.customerID, tenantID: "other").isEmpty)
            #expect(try await bench.store.messages(tenantID: "other", conversationID: mine.id).isEmpty)
            #expect(try await bench.store.recentMessages(customerID: mine.customerID, tenantID: "other", limit: 10, excludingProviderMessageID: nil).isEmpty)
            #expect(try await bench.store.linkHistory(customerID: mine.customerID, tenantID: "other").isEmpty)
            await #expect(throws: (any Error).self) {
                try await bench.store.merge(customerID: theirs.customerID, into: mine.customerID, tenantID: "bakery", reason: "test")
            }
        }
    }

    static func outboxID(_ outcome: PipelineOutcome) -> Int64? {
        if case .replied(let id, _) = outcome { id } else { nil }
    }
}
