import ChannelKit
import Foundation
import Synchronization

@testable import Brain

/// Shared values for the LLM tests: a tenant, a customer, contexts, and in-memory stand-ins for
/// the transport and the budget.
enum LLMFixtures {
    static let tenant = TenantProfile(
        id: "bakery",
        name: "Bella's Bakery",
        assistant: AssistantProfile(persona: "the front desk of Bella's Bakery", tone: "warm", language: "en"),
        knowledgeBase: [
            KnowledgeEntry(id: "hours", question: "What are your opening hours?", answer: "Tuesday to Sunday, 7am to 6pm."),
            KnowledgeEntry(id: "gluten", question: "Do you have gluten-free bread?", answer: "Yes, on Wednesdays and Saturdays."),
        ]
    )

    static let customer = CustomerRecord(
        id: "cust-1", tenantID: "bakery", displayName: "Ada", phone: "+14155550123",
        email: "ada@example.com", isVerified: true, createdAt: Date(timeIntervalSince1970: 0)
    )

    static func channel(_ kind: ChannelKind) -> ChannelRef {
        ChannelRef(tenantID: "bakery", channelID: "bakery-\(kind.rawValue)", kind: kind)
    }

    static func conversation(on channel: ChannelRef) -> ConversationRecord {
        ConversationRecord(
            id: "conv-1", tenantID: "bakery", customerID: "cust-1", channelID: channel.channelID,
            threadKey: "thread-1", status: .assistant, unansweredCount: 0,
            createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0)
        )
    }

    static func message(_ author: MessageRecord.Author, _ text: String, channelID: String = "bakery-api") -> MessageRecord {
        MessageRecord(
            id: UUID().uuidString, conversationID: "conv-1", customerID: "cust-1", channelID: channelID,
            direction: author == .customer ? .inbound : .outbound, author: author, text: text,
            createdAt: Date(timeIntervalSince1970: 0)
        )
    }

    static func context(
        _ question: String,
        on kind: ChannelKind = .api,
        customer: CustomerRecord = LLMFixtures.customer,
        history: [MessageRecord] = [],
        memories: [String] = [],
        timeBudget: Duration = .seconds(30)
    ) -> ResponderContext {
        let channel = channel(kind)
        return ResponderContext(
            tenant: tenant, channel: channel, customer: customer, conversation: conversation(on: channel),
            question: question, history: history, memories: memories, timeBudget: timeBudget
        )
    }

    /// Two endpoints, a cheap and a strong model on the first, a fallback on the second.
    static func settings(retryCount: Int = 0) -> LLMSettings {
        LLMSettings(
            endpoints: [
                LLMEndpoint(id: "primary", baseURL: "http://primary.test/v1", apiKey: Secret("sk-test")),
                LLMEndpoint(id: "backup", baseURL: "http://backup.test/v1"),
            ],
            models: [
                LLMModel(id: "fast", endpointID: "primary", name: "small-1", tier: .cheap, maxTokens: 100, inputPricePerMillion: 0.15, outputPricePerMillion: 0.6),
                LLMModel(id: "smart", endpointID: "primary", name: "large-1", tier: .strong, maxTokens: 200, inputPricePerMillion: 2.5, outputPricePerMillion: 10),
                LLMModel(id: "local", endpointID: "backup", name: "local-1", tier: .cheap, maxTokens: 100),
            ],
            cheapModelID: "fast", strongModelID: "smart", fallbackModelIDs: ["fast", "local"],
            retryCount: retryCount, retryBaseDelay: .milliseconds(1), breakerFailureThreshold: 3
        )
    }

    /// A chat-completions body as OpenAI sends it.
    static func completionBody(_ text: String, promptTokens: Int? = 20, completionTokens: Int? = 5) -> Data {
        var object: [String: Any] = [
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "choices": [["index": 0, "message": ["role": "assistant", "content": text], "finish_reason": "stop"]],
        ]
        if let promptTokens, let completionTokens {
            object["usage"] = ["prompt_tokens": promptTokens, "completion_tokens": completionTokens, "total_tokens": promptTokens + completionTokens]
        }
        return (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
    }
}

/// A transport that answers from a function of the request and records what it was sent.
struct InMemoryLLMTransport: LLMTransport {
    /// What one request gets: an HTTP answer, a thrown error, or an answer after a delay.
    enum Reply: Sendable {
        case response(ProviderResponse)
        case failure(LLMTransportError)
        indirect case delayed(Duration, Reply)

        static func ok(_ text: String, promptTokens: Int? = 20, completionTokens: Int? = 5) -> Reply {
            .response(ProviderResponse(status: 200, headers: ["Content-Type": "application/json"], body: LLMFixtures.completionBody(text, promptTokens: promptTokens, completionTokens: completionTokens)))
        }

        static func status(_ status: Int, body: String = "{}", headers: HeaderFields = [:]) -> Reply {
            .response(ProviderResponse(status: status, headers: headers, body: Data(body.utf8)))
        }
    }

    /// Shared by copies, so a test reads what the responder's copy sent.
    private final class Log: Sendable {
        let requests = Mutex<[ProviderRequest]>([])
    }

    private let log = Log()
    private let reply: @Sendable (ProviderRequest, Int) -> Reply

    /// - Parameter reply: The reply to a request and its index among all requests (0 first).
    init(_ reply: @escaping @Sendable (ProviderRequest, Int) -> Reply) {
        self.reply = reply
    }

    /// Replies `replies` in order, then the last one forever.
    init(replies: [Reply]) {
        self.init { _, index in replies[min(index, replies.count - 1)] }
    }

    var requests: [ProviderRequest] { log.requests.withLock { $0 } }

    /// The `model` field of every request, in order.
    var models: [String] {
        requests.compactMap { request in
            guard let json = try? JSONDecoder().decode(JSONValue.self, from: request.body),
                  case .object(let object) = json, case .string(let model)? = object["model"] else { return nil }
            return model
        }
    }

    func send(_ request: ProviderRequest, timeout: Duration) async throws -> ProviderResponse {
        let index = log.requests.withLock { requests in
            requests.append(request)
            return requests.count - 1
        }
        var next = reply(request, index)
        while true {
            switch next {
            case .response(let response): return response
            case .failure(let error): throw error
            case .delayed(let delay, let then):
                try await Task.sleep(for: delay)
                next = then
            }
        }
    }
}

/// A budget with a hard limit that records what was reserved, settled and released.
actor LLMTestCostGate: CostGate {
    let limitNanos: Int64
    private(set) var reservations: [BudgetReservation] = []
    private(set) var settled: [CostEntry] = []
    private(set) var released: [BudgetReservation] = []
    private var open: [String: Int64] = [:]
    private var spent: Int64 = 0

    init(limitNanos: Int64 = .max) {
        self.limitNanos = limitNanos
    }

    func reserve(tenantID: String, amountNanos: Int64) -> BudgetReservation? {
        let held = open.values.reduce(0, +)
        guard amountNanos <= limitNanos - spent - held else { return nil }
        let reservation = BudgetReservation(id: "r\(reservations.count + 1)", tenantID: tenantID, amountNanos: amountNanos)
        reservations.append(reservation)
        open[reservation.id] = amountNanos
        return reservation
    }

    func settle(_ reservation: BudgetReservation, with entries: [CostEntry]) {
        open[reservation.id] = nil
        settled += entries
        spent += entries.reduce(0) { $0 + $1.amountNanos }
    }

    func release(_ reservation: BudgetReservation) {
        open[reservation.id] = nil
        released.append(reservation)
    }

    /// Reservations neither settled nor released.
    var outstanding: Int { open.count }
}
