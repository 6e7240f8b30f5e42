import ChannelKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import Gateway

/// A channel whose reply travels in the webhook's own response (the shape voice has): a
/// minimal adapter, real HTTP, the real pipeline.
struct InlineTestAdapter: ChannelAdapter {
    static let type = "inline-test"
    static let kind: ChannelKind = .voice
    static let settingKeys: Set<String> = []
    static let secretKeys: Set<String> = ["secret"]

    let ref: ChannelRef
    let secret: Secret
    let capabilities = ChannelCapabilities(deliveryMode: .webhookReply, maxTextLength: 1000, markup: .speech)

    init(configuration: ChannelConfiguration) throws(ChannelConfigurationError) {
        ref = configuration.ref
        secret = try configuration.requireSecret("secret")
    }

    func verify(_ request: WebhookRequest) throws(WebhookError) {
        guard let given = request.headers["X-Test-Secret"] else { throw .missingSignature("X-Test-Secret") }
        guard Signature.constantTimeEquals(given, secret.value) else { throw .invalidSignature() }
    }

    func parse(_ request: WebhookRequest) throws(WebhookError) -> [InboundEvent] {
        guard let object = try? JSONSerialization.jsonObject(with: request.body) as? [String: String],
              let id = object["id"], let from = object["from"], let text = object["text"] else {
            throw .malformed("expected {\"id\", \"from\", \"text\"}")
        }
        return [.message(InboundMessage(providerMessageID: id, sender: Participant(channelUserID: from), threadKey: from, text: text, timestamp: Date()))]
    }

    func acknowledgement(for request: WebhookRequest, accepted: Int, duplicates: Int) -> WebhookResponse {
        .text("NOTHING TO SAY")
    }

    func render(_ reply: OutboundMessage, for conversation: ConversationAddress) throws(SendFailure) -> Delivery {
        .webhookReply(.text("SAY: " + reply.text))
    }
}

@Suite struct InlineReplyTests {
    func configuration() throws -> GatewayConfiguration {
        let json = """
            {"tenants": [{"id": "bakery", "name": "Bella's Bakery",
               "knowledgeBase": [{"id": "hours", "question": "What are your opening hours?", "answer": "Tuesday to Sunday, 7am to 6pm.", "keywords": ["open"]}],
               "channels": [{"id": "bakery-voice", "type": "inline-test", "secrets": {"secret": "env:LINE_SECRET"}}]}]}
            """
        let loader = ConfigurationLoader(catalog: ChannelCatalog([InlineTestAdapter.self]), environment: ["LINE_SECRET": "s3"])
        return try loader.parse(Data(json.utf8), file: "test.json")
    }

    func post(_ body: String, client: some TestClientProtocol) async throws -> String {
        let headers: HTTPFields = [.contentType: "application/json", HTTPField.Name("X-Test-Secret")!: "s3"]
        return try await client.execute(uri: "/webhooks/bakery-voice", method: .post, headers: headers, body: ByteBuffer(string: body)) { String(buffer: $0.body) }
    }

    @Test func theReplyIsTheResponseAndARetryGetsTheSameOne() async throws {
        let path = temporaryDatabasePath()
        try await withGateway(try configuration(), databasePath: path) { client in
            let speech = #"{"id": "CA1-turn1", "from": "+14155550123", "text": "When are you open?"}"#
            #expect(try await post(speech, client: client) == "SAY: Tuesday to Sunday, 7am to 6pm.")
            // The provider retries the same turn: same answer, no second reply stored.
            #expect(try await post(speech, client: client) == "SAY: Tuesday to Sunday, 7am to 6pm.")
            let store = try await openStore(path)
            try await Task.sleep(for: .milliseconds(300))
            // Delivered in the response: recorded as sent, never handed to the dispatcher.
            #expect(try await store.outboxCounts() == ["sent": 1])
            #expect(try await store.inboxCounts() == ["done": 1])
            let conversation = try #require(try await store.conversations(tenantID: "bakery").first)
            #expect(try await store.messages(tenantID: "bakery", conversationID: conversation.id).map(\.deliveryStatus) == [nil, "sent"])
        }
    }
}
