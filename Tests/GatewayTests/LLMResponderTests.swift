import AsyncHTTPClient
import ChannelKit
import ChannelKitTesting
import Foundation
import Logging
import Testing

@testable import Brain
@testable import Gateway

/// The LLM responder against a real fake OpenAI-compatible server, through AsyncHTTPClient.
@Suite struct LLMResponderTests {
    let logger = Logger(label: "llm-test", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test func theCheapModelAnswersSimpleQuestionsAndTheStrongOneComplexQuestions() async throws {
        try await FakeProvider.withRunning(defaultReply: Self.openAI(promptTokens: 50, completionTokens: 10)) { provider in
            try await withTransport { transport in
                let responder = LLMResponder(settings: Self.settings(primary: provider), transport: transport, costGate: LLMTestCostGate(), logger: logger)
                let simple = await responder.respond(Self.context("What time do you open?"))
                #expect(simple.answer?.text == "Answered by gpt-4o-mini")
                #expect(simple.answer?.source == "llm:gpt-4o-mini")

                let complex = """
                    I ordered two cakes for a party of 40 people last week and one arrived damaged. \
                    Can you explain how your refund policy works, compare it with a replacement, \
                    and tell me how much I would get back in total?
                    """
                let answered = await responder.respond(Self.context(complex))
                #expect(answered.answer?.source == "llm:gpt-4o")

                let requests = await provider.requests
                #expect(requests.map { Self.field("model", of: $0) } == ["gpt-4o-mini", "gpt-4o"])
                let first = try #require(requests.first)
                #expect(first.method == "POST")
                #expect(first.path == "/v1/chat/completions")
                #expect(first.headers["Authorization"] == "Bearer test-key")
                #expect(first.headers["Content-Type"] == "application/json")
                #expect(Self.field("max_tokens", of: first) == "200")
                #expect(Self.lastMessage(of: first) == "What time do you open?")
            }
        }
    }

    @Test func aFailingPrimaryFallsBackToTheSecondEndpoint() async throws {
        try await FakeProvider.withRunning(defaultReply: .json(status: 500, body: #"{"error":{"message":"overloaded"}}"#)) { primary in
            try await FakeProvider.withRunning(defaultReply: Self.openAI(promptTokens: 30, completionTokens: 8)) { backup in
                try await withTransport { transport in
                    var settings = Self.settings(primary: primary, backup: backup)
                    settings.retryCount = 1
                    let gate = LLMTestCostGate()
                    let responder = LLMResponder(settings: settings, transport: transport, costGate: gate, logger: logger)
                    let outcome = await responder.respond(Self.context("What time do you open?"))
                    #expect(outcome.answer?.text == "Answered by llama3.1:8b")
                    #expect(outcome.answer?.source == "llm:llama3.1:8b")
                    // The primary was tried, then retried once, before the fallback.
                    #expect(await primary.requests.count == 2)
                    #expect(await backup.requests.count == 1)
                    #expect(await backup.requests.first?.headers["Authorization"] == nil)
                    #expect(await gate.released.count == 1)
                    #expect(await gate.settled.map(\.unit) == ["input_token", "output_token"])
                }
            }
        }
    }

    @Test func aSlowModelOnTheVoiceChannelTimesOutWithinTheBudget() async throws {
        try await FakeProvider.withRunning(defaultReply: .delayed(.seconds(30), then: Self.openAI(promptTokens: 1, completionTokens: 1))) { provider in
            try await withTransport { transport in
                var settings = Self.settings(primary: provider)
                settings.timeBudgets[.voice] = .milliseconds(500)
                let gate = LLMTestCostGate()
                let responder = LLMResponder(settings: settings, transport: transport, costGate: gate, logger: logger)
                let clock = ContinuousClock()
                let started = clock.now
                let outcome = await responder.respond(Self.context("What time do you open?", on: .voice))
                let elapsed = started.duration(to: clock.now)
                #expect(outcome == .timedOut)
                #expect(elapsed >= .milliseconds(450))
                #expect(elapsed < .seconds(10), "far sooner than the 30 s the model takes (the margin allows for a loaded test machine)")
                #expect(await gate.released.count == 1)
                #expect(await gate.settled.isEmpty)
            }
        }
    }

    @Test func theSettledCostsAreTheServersUsageTimesThePrices() async throws {
        try await FakeProvider.withRunning(defaultReply: Self.openAI(promptTokens: 1_234, completionTokens: 56)) { provider in
            try await withTransport { transport in
                let gate = LLMTestCostGate()
                let responder = LLMResponder(settings: Self.settings(primary: provider), transport: transport, costGate: gate, logger: logger)
                let outcome = await responder.respond(Self.context("What time do you open?", on: .sms))
                guard case .answered(_, let costs) = outcome else {
                    Issue.record("expected an answer, got \(outcome)")
                    return
                }
                // gpt-4o-mini at 0.15 and 0.60 per million tokens: 150 and 600 nanos a token.
                let expected = [
                    CostEntry(tenantID: "bakery", channelID: "bakery-sms", kind: .modelCall, quantity: 1_234, unit: "input_token", unitPriceNanos: 150, reference: "gpt-4o-mini"),
                    CostEntry(tenantID: "bakery", channelID: "bakery-sms", kind: .modelCall, quantity: 56, unit: "output_token", unitPriceNanos: 600, reference: "gpt-4o-mini"),
                ]
                #expect(costs == expected)
                #expect(await gate.settled == expected)
                #expect(await gate.spentNanos == 1_234 * 150 + 56 * 600)
                #expect(await gate.outstanding == 0)
            }
        }
    }

    @Test func aBudgetWithoutRoomCallsNoModel() async throws {
        try await FakeProvider.withRunning(defaultReply: Self.openAI(promptTokens: 10, completionTokens: 10)) { provider in
            try await withTransport { transport in
                // Room for the prompt but not for 200 answer tokens at 600 nanos.
                let gate = LLMTestCostGate(limitNanos: 100_000)
                let responder = LLMResponder(settings: Self.settings(primary: provider), transport: transport, costGate: gate, logger: logger)
                #expect(await responder.respond(Self.context("What time do you open?")) == .budgetExhausted)
                let answer = try await responder.answer(Self.context("What time do you open?"))
                #expect(answer == nil)
                #expect(await provider.requests.isEmpty)
            }
        }
    }

    @Test func aRateLimitWithRetryAfterZeroIsRetried() async throws {
        try await FakeProvider.withRunning(defaultReply: Self.openAI(promptTokens: 5, completionTokens: 5)) { provider in
            await provider.enqueue(.rateLimited(retryAfterSeconds: 0, json: #"{"error":{"message":"Rate limit reached"}}"#))
            try await withTransport { transport in
                let responder = LLMResponder(settings: Self.settings(primary: provider), transport: transport, costGate: LLMTestCostGate(), logger: logger)
                let outcome = await responder.respond(Self.context("What time do you open?"))
                #expect(outcome.answer?.text == "Answered by gpt-4o-mini")
                #expect(await provider.requests.count == 2)
                #expect(responder.circuitState(endpointID: "primary") == .closed)
            }
        }
    }

    // MARK: - Fixtures

    /// A primary endpoint with a cheap and a strong model; a backup endpoint (no key) with a
    /// local model as the fallback.
    static func settings(primary: FakeProvider, backup: FakeProvider? = nil) -> LLMSettings {
        var endpoints = [LLMEndpoint(id: "primary", baseURL: primary.url("/v1"), apiKey: Secret("test-key"), timeout: .seconds(2))]
        var models = [
            LLMModel(id: "fast", endpointID: "primary", name: "gpt-4o-mini", tier: .cheap, maxTokens: 200, inputPricePerMillion: 0.15, outputPricePerMillion: 0.6),
            LLMModel(id: "smart", endpointID: "primary", name: "gpt-4o", tier: .strong, maxTokens: 400, inputPricePerMillion: 2.5, outputPricePerMillion: 10),
        ]
        if let backup {
            endpoints.append(LLMEndpoint(id: "backup", baseURL: backup.url("/v1"), timeout: .seconds(2)))
            models.append(LLMModel(id: "local", endpointID: "backup", name: "llama3.1:8b", maxTokens: 200))
        }
        return LLMSettings(
            endpoints: endpoints, models: models, cheapModelID: "fast", strongModelID: "smart",
            fallbackModelIDs: backup == nil ? [] : ["local"], retryBaseDelay: .milliseconds(10)
        )
    }

    /// An OpenAI chat-completions answer naming the model it was asked for, with this usage.
    static func openAI(promptTokens: Int, completionTokens: Int) -> FakeProvider.Reply {
        .dynamic { request in
            let model = field("model", of: request) ?? "unknown"
            let body: [String: Any] = [
                "id": "chatcmpl-\(UUID().uuidString)",
                "object": "chat.completion",
                "model": model,
                "choices": [["index": 0, "message": ["role": "assistant", "content": "Answered by \(model)"], "finish_reason": "stop"]],
                "usage": ["prompt_tokens": promptTokens, "completion_tokens": completionTokens, "total_tokens": promptTokens + completionTokens],
            ]
            let data = (try? JSONSerialization.data(withJSONObject: body)) ?? Data()
            return .json(status: 200, body: String(decoding: data, as: UTF8.self))
        }
    }

    /// A top-level string or number field of a request's JSON body, as text.
    static func field(_ name: String, of request: FakeProvider.RecordedRequest) -> String? {
        guard case .object(let object)? = try? request.json() else { return nil }
        switch object[name] {
        case .string(let text)?: return text
        case .number(let number)?: return number == number.rounded() ? String(Int(number)) : String(number)
        default: return nil
        }
    }

    /// The content of the last message the request sent.
    static func lastMessage(of request: FakeProvider.RecordedRequest) -> String? {
        guard case .object(let object)? = try? request.json(), case .array(let messages)? = object["messages"],
              case .object(let last)? = messages.last, case .string(let content)? = last["content"] else { return nil }
        return content
    }

    static func context(_ question: String, on kind: ChannelKind = .api) -> ResponderContext {
        let channel = ChannelRef(tenantID: "bakery", channelID: "bakery-\(kind.rawValue)", kind: kind)
        let epoch = Date(timeIntervalSince1970: 0)
        return ResponderContext(
            tenant: TenantProfile(id: "bakery", name: "Bella's Bakery"),
            channel: channel,
            customer: CustomerRecord(id: "cust-1", tenantID: "bakery", displayName: "Ada", createdAt: epoch),
            conversation: ConversationRecord(
                id: "conv-1", tenantID: "bakery", customerID: "cust-1", channelID: channel.channelID,
                threadKey: "t-1", status: .assistant, unansweredCount: 0, createdAt: epoch, updatedAt: epoch
            ),
            question: question
        )
    }

    /// Runs `body` with an HTTP transport, and shuts its client down afterwards.
    func withTransport<T>(_ body: (HTTPLLMTransport) async throws -> T) async throws -> T {
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        do {
            let result = try await body(HTTPLLMTransport(client: client))
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}

/// A budget with a hard limit that records what was reserved, settled and released.
actor LLMTestCostGate: CostGate {
    let limitNanos: Int64
    private(set) var settled: [CostEntry] = []
    private(set) var released: [BudgetReservation] = []
    private(set) var spentNanos: Int64 = 0
    private var open: [String: Int64] = [:]
    private var count = 0

    init(limitNanos: Int64 = .max) {
        self.limitNanos = limitNanos
    }

    func reserve(tenantID: String, amountNanos: Int64) -> BudgetReservation? {
        let held = open.values.reduce(0, +)
        guard amountNanos <= limitNanos - spentNanos - held else { return nil }
        count += 1
        let reservation = BudgetReservation(id: "r\(count)", tenantID: tenantID, amountNanos: amountNanos)
        open[reservation.id] = amountNanos
        return reservation
    }

    func settle(_ reservation: BudgetReservation, with entries: [CostEntry]) {
        open[reservation.id] = nil
        settled += entries
        spentNanos += entries.reduce(0) { $0 + $1.amountNanos }
    }

    func release(_ reservation: BudgetReservation) {
        open[reservation.id] = nil
        released.append(reservation)
    }

    /// Reservations neither settled nor released.
    var outstanding: Int { open.count }
}
