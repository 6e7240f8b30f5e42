import ChannelKit
import Logging
import Testing

@testable import Brain

@Suite struct LLMResponderOutcomeTests {
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    func responder(_ transport: InMemoryLLMTransport, gate: LLMTestCostGate = LLMTestCostGate(), settings: LLMSettings = LLMFixtures.settings()) -> LLMResponder {
        LLMResponder(settings: settings, transport: transport, costGate: gate, logger: logger)
    }

    @Test func answersWithTheCheapModelAndSettlesTheTokens() async throws {
        let transport = InMemoryLLMTransport(replies: [.ok("Tuesday to Sunday, 7am to 6pm.", promptTokens: 300, completionTokens: 12)])
        let gate = LLMTestCostGate()
        let outcome = await responder(transport, gate: gate).respond(LLMFixtures.context("When are you open?"))
        guard case .answered(let answer, let costs) = outcome else {
            Issue.record("expected an answer, got \(outcome)")
            return
        }
        #expect(answer == ResponderAnswer(text: "Tuesday to Sunday, 7am to 6pm.", source: "llm:small-1", isGeneric: false))
        #expect(transport.models == ["small-1"])
        // 0.15 and 0.6 per million tokens are 150 and 600 nanos a token.
        #expect(costs.map(\.amountNanos) == [300 * 150, 12 * 600])
        #expect(costs.map(\.unit) == ["input_token", "output_token"])
        #expect(costs.allSatisfy { $0.kind == .modelCall && $0.reference == "small-1" && $0.channelID == "bakery-api" && $0.tenantID == "bakery" })
        #expect(await gate.settled == costs)
        #expect(await gate.outstanding == 0)
    }

    @Test func theReservationCoversThePromptAndTheLargestAnswer() async throws {
        let transport = InMemoryLLMTransport(replies: [.ok("Yes.")])
        let gate = LLMTestCostGate()
        let context = LLMFixtures.context("When are you open?")
        _ = await responder(transport, gate: gate).respond(context)
        let promptBytes = PromptBuilder().messages(for: context).reduce(0) { $0 + $1.content.utf8.count }
        let expected = Int64((promptBytes + 3) / 4) * 150 + 100 * 600
        #expect(await gate.reservations.map(\.amountNanos) == [expected])
    }

    @Test func aSpentBudgetCallsNoModel() async throws {
        let transport = InMemoryLLMTransport(replies: [.ok("Hi")])
        let outcome = await responder(transport, gate: LLMTestCostGate(limitNanos: 10)).respond(LLMFixtures.context("When are you open?"))
        #expect(outcome == .budgetExhausted)
        #expect(transport.requests.isEmpty)
        #expect(try await responder(transport, gate: LLMTestCostGate(limitNanos: 10)).answer(LLMFixtures.context("Hi")) == nil)
    }

    @Test func aTenantWithoutTheModelIsDisabled() async {
        var settings = LLMFixtures.settings()
        settings.tenantPolicies["bakery"] = TenantModelPolicy(isEnabled: false)
        let transport = InMemoryLLMTransport(replies: [.ok("Hi")])
        #expect(await responder(transport, settings: settings).respond(LLMFixtures.context("Hi")) == .disabled)
        #expect(await responder(transport, settings: LLMSettings()).respond(LLMFixtures.context("Hi")) == .disabled)
        #expect(transport.requests.isEmpty)
    }

    @Test func theHandoffMarkerMakesTheAnswerUnanswered() async {
        let transport = InMemoryLLMTransport(replies: [.ok("  [[HANDOFF]]\n")])
        let outcome = await responder(transport).respond(LLMFixtures.context("Can I bring my dog?"))
        #expect(outcome.answer == ResponderAnswer(text: "", source: "llm:small-1", isGeneric: false, isUnanswered: true))
        let wordy = InMemoryLLMTransport(replies: [.ok("Let me get a colleague. [[HANDOFF]]")])
        let answer = await responder(wordy).respond(LLMFixtures.context("Can I bring my dog?")).answer
        #expect(answer?.isUnanswered == true)
        #expect(answer?.text == "Let me get a colleague.")
    }

    @Test func onlyAnAnswerWithoutAnythingAboutTheCustomerIsGeneric() async {
        let anonymous = CustomerRecord(id: "c2", tenantID: "bakery", createdAt: LLMFixtures.customer.createdAt)
        let transport = InMemoryLLMTransport(replies: [.ok("7am.")])
        let generic = await responder(transport).respond(LLMFixtures.context("When are you open?", customer: anonymous)).answer
        #expect(generic?.isGeneric == true)
        let withHistory = LLMFixtures.context("When are you open?", customer: anonymous, history: [LLMFixtures.message(.customer, "Hi")])
        #expect(await responder(transport).respond(withHistory).answer?.isGeneric == false)
        let withMemories = LLMFixtures.context("When are you open?", customer: anonymous, memories: ["likes rye"])
        #expect(await responder(transport).respond(withMemories).answer?.isGeneric == false)
    }

    @Test func aPermanentErrorMovesToTheNextModelWithoutRetrying() async {
        let transport = InMemoryLLMTransport { request, _ in
            request.url.hasPrefix("http://primary.test") ? .status(400, body: #"{"error":{"message":"bad request"}}"#) : .ok("From the backup.")
        }
        let gate = LLMTestCostGate()
        let outcome = await responder(transport, gate: gate, settings: LLMFixtures.settings(retryCount: 2)).respond(LLMFixtures.context("Hi"))
        #expect(outcome.answer?.text == "From the backup.")
        #expect(outcome.answer?.source == "llm:local-1")
        #expect(transport.models == ["small-1", "local-1"])
        #expect(await gate.released.count == 1)
        #expect(await gate.outstanding == 0)
    }

    @Test func retryableErrorsAreRetriedOnTheSameModel() async {
        let transport = InMemoryLLMTransport(replies: [.status(503), .failure(.noResponse("connection reset")), .ok("Third time lucky.")])
        let outcome = await responder(transport, settings: LLMFixtures.settings(retryCount: 2)).respond(LLMFixtures.context("Hi"))
        #expect(outcome.answer?.text == "Third time lucky.")
        #expect(transport.models == ["small-1", "small-1", "small-1"])
    }

    @Test func everyModelFailingIsAFailure() async {
        let transport = InMemoryLLMTransport(replies: [.status(500)])
        let outcome = await responder(transport).respond(LLMFixtures.context("Hi"))
        guard case .failed(let reason) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(reason.contains("fast: HTTP 500"))
        #expect(reason.contains("local: HTTP 500"))
    }

    @Test func anOpenCircuitSkipsItsEndpoint() async {
        let transport = InMemoryLLMTransport { request, _ in
            request.url.hasPrefix("http://primary.test") ? .status(500) : .ok("Backup here.")
        }
        let responder = responder(transport)
        // The threshold is 3 failures: three questions open the primary's circuit.
        for _ in 0..<3 {
            #expect(await responder.respond(LLMFixtures.context("Hi")).answer?.text == "Backup here.")
        }
        #expect(responder.circuitState(endpointID: "primary") == .open)
        #expect(await responder.respond(LLMFixtures.context("Hi")).answer?.text == "Backup here.")
        #expect(transport.models == ["small-1", "local-1", "small-1", "local-1", "small-1", "local-1", "local-1"])
    }

    @Test func aSlowModelTimesOutWithinTheChannelsBudget() async {
        let transport = InMemoryLLMTransport(replies: [.delayed(.seconds(30), .ok("late"))])
        let clock = ContinuousClock()
        let started = clock.now
        let responder = responder(transport)
        let outcome = await responder.respond(LLMFixtures.context("Hi", on: .voice, timeBudget: .milliseconds(200)))
        #expect(outcome == .timedOut)
        #expect(started.duration(to: clock.now) < .seconds(10), "far sooner than the 30 s the server takes (the margin allows for a loaded test machine)")
        // Cut short by the channel, not failed by the endpoint: the circuit counts nothing.
        #expect(responder.circuitState(endpointID: "primary") == .closed)
        #expect(transport.requests.count == 1)
    }
}
