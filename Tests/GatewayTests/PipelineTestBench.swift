import AsyncHTTPClient
import ChannelKit
import ChannelKitTesting
import Foundation
import GRDB
import Logging

@testable import Brain
@testable import Gateway

/// The whole pipeline on a real SQLite file, with the LLM responder talking HTTP to a fake
/// OpenAI-compatible server through AsyncHTTPClient, and the real budget ledger.
struct PipelineTestBench: Sendable {
    let store: SQLiteStore
    let tenants: TenantDirectory
    let pipeline: ConversationPipeline
    let ledger: BudgetLedger
    let logger = Logger(label: "pipeline-test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Runs `body` with a bench whose LLM (if `llm` is given) is served by `llm`'s fake.
    static func with<T: Sendable>(
        tenants: [TenantProfile],
        llm: LLMSettings?,
        _ body: @Sendable (PipelineTestBench) async throws -> T
    ) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let logger = Logger(label: "pipeline-test", factory: { _ in SwiftLogNoOpLogHandler() })
        let store = try await SQLiteStore.open(path: directory.appendingPathComponent("db.sqlite").path, logger: logger)
        let directoryOfTenants = TenantDirectory(tenants)
        let ledger = BudgetLedger(store: store, tenants: directoryOfTenants, logger: logger)
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        do {
            let responder = llm.map {
                LLMResponder(settings: $0, transport: HTTPLLMTransport(client: client), costGate: ledger, logger: logger)
            }
            let pipeline = ConversationPipeline(
                store: store, tenants: directoryOfTenants,
                guards: GuardStage(store: store, logger: logger),
                remember: RememberStage(store: store),
                answer: AnswerStage(knowledge: KnowledgeBaseResponder(), llm: responder),
                timeBudgets: { kind in llm?.timeBudget(for: kind) ?? .seconds(30) }
            )
            let bench = PipelineTestBench(store: store, tenants: directoryOfTenants, pipeline: pipeline, ledger: ledger)
            let result = try await body(bench)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// Accepts one message into the inbox and runs it through the pipeline.
    @discardableResult
    func deliver(_ text: String, from sender: Participant, on channel: ChannelRef, id: String = UUID().uuidString, remoteAddress: String? = nil, metadata: [String: String] = [:]) async throws -> PipelineOutcome {
        let message = InboundMessage(providerMessageID: id, sender: sender, threadKey: sender.channelUserID, text: text, timestamp: Date(), metadata: metadata)
        let accepted = try await store.acceptInbound([message], on: channel, requestID: nil, remoteAddress: remoteAddress)
        guard case .accepted(let inboxID)? = accepted.first else { return .alreadyProcessed }
        // Built directly rather than claimed, so concurrent deliveries each process their own.
        let item = InboxItem(id: inboxID, channel: channel, message: message, attempts: 1, requestID: nil, remoteAddress: remoteAddress)
        return try await pipeline.process(item, logger: logger)
    }

    /// The text of the reply queued for an outcome.
    func replyText(_ outcome: PipelineOutcome, tenantID: String) async throws -> String? {
        let outboxID: Int64
        switch outcome {
        case .replied(let id, _), .handedOff(let id, _): outboxID = id
        case .blocked(_, let id?): outboxID = id
        default: return nil
        }
        return try await store.pool.read { db in
            try String.fetchOne(db, sql: """
                SELECT m.text FROM outbox o JOIN messages m ON m.id = o.message_id
                WHERE o.id = ? AND o.tenant_id = ?
                """, arguments: [outboxID, tenantID])
        }
    }

    /// Every ledger row of a tenant: (unit, quantity, amount).
    func ledgerRows(tenantID: String) async throws -> [(unit: String, quantity: Int64, amount: Int64)] {
        try await store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT unit, quantity, amount_nanos FROM cost_ledger WHERE tenant_id = ? ORDER BY id", arguments: [tenantID])
                .map { ($0["unit"] as String, $0["quantity"] as Int64, $0["amount_nanos"] as Int64) }
        }
    }
}

/// LLM settings pointing at a fake server: one cheap model `gpt-4o-mini` and one strong `gpt-4o`.
func fakeLLMSettings(_ provider: FakeProvider, inputPrice: Double = 0.15, outputPrice: Double = 0.6, maxTokens: Int = 200) -> LLMSettings {
    LLMSettings(
        endpoints: [LLMEndpoint(id: "fake", baseURL: provider.url("/v1"), apiKey: Secret("test-key"), timeout: .seconds(5))],
        models: [
            LLMModel(id: "fast", endpointID: "fake", name: "gpt-4o-mini", tier: .cheap, maxTokens: maxTokens, inputPricePerMillion: inputPrice, outputPricePerMillion: outputPrice),
            LLMModel(id: "smart", endpointID: "fake", name: "gpt-4o", tier: .strong, maxTokens: maxTokens, inputPricePerMillion: inputPrice, outputPricePerMillion: outputPrice),
        ],
        cheapModelID: "fast", strongModelID: "smart", retryBaseDelay: .milliseconds(10)
    )
}

/// A fake chat-completions answer with fixed usage; `content` may depend on the request.
func fakeCompletion(promptTokens: Int, completionTokens: Int, content: @escaping @Sendable (FakeProvider.RecordedRequest) -> String = { _ in "Happy to help!" }) -> FakeProvider.Reply {
    .dynamic { request in
        let body: [String: Any] = [
            "id": "chatcmpl-1", "object": "chat.completion", "model": "gpt-4o-mini",
            "choices": [["index": 0, "message": ["role": "assistant", "content": content(request)], "finish_reason": "stop"]],
            "usage": ["prompt_tokens": promptTokens, "completion_tokens": completionTokens, "total_tokens": promptTokens + completionTokens],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: body)) ?? Data()
        return .json(status: 200, body: String(decoding: data, as: UTF8.self))
    }
}

/// The bakery tenant used by the pipeline tests.
func bakeryTenant(id: String = "bakery", monthlyLimit: Double = 50) -> TenantProfile {
    TenantProfile(
        id: id, name: "Bella's Bakery",
        assistant: AssistantProfile(handoffMessage: "A baker will answer you here shortly."),
        knowledgeBase: [KnowledgeEntry(id: "hours", question: "What are your opening hours?", answer: "Tuesday to Sunday, 7am to 6pm.", keywords: ["open"])],
        budget: TenantBudget(monthlyLimit: monthlyLimit)
    )
}
