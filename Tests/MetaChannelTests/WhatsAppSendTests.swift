import ChannelKit
import ChannelKitTesting
import Foundation
import MetaChannel
import Testing

/// Rendered requests sent for real to a fake Graph API on 127.0.0.1, configured as `graphBaseURL`.
@Suite struct WhatsAppSendTests {
    static let success = #"{"messaging_product":"whatsapp","contacts":[{"input":"16505551234","wa_id":"16505551234"}],"messages":[{"id":"wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA"}]}"#

    static func adapter(_ provider: FakeProvider, settings: [String: JSONValue] = [:]) throws -> WhatsAppChannelAdapter {
        var all = settings
        all["graphBaseURL"] = .string(provider.baseURL)
        return try WhatsAppTestChannel.adapter(settings: all)
    }

    static func send(_ adapter: WhatsAppChannelAdapter, text: String = "Yes, it also comes in green.") async throws -> (ProviderRequest, ProviderResponse) {
        let request = try #require(try adapter.render(OutboundMessage(id: "rep-1", text: text), for: WhatsAppTestChannel.conversation()).providerRequests().first)
        return (request, try await request.send())
    }

    @Test func sendsToTheCloudAPIPathWithTheBearerTokenAndReadsTheWamid() async throws {
        try await FakeProvider.withRunning(defaultReply: .json(status: 200, body: Self.success)) { provider in
            let adapter = try Self.adapter(provider)
            let (request, response) = try await Self.send(adapter)
            let receipt = try adapter.parseSendResult(response, for: request)
            #expect(receipt.providerMessageID == "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA")

            let received = try await provider.waitForRequests(count: 1)
            #expect(received.count == 1)
            let sent = try #require(received.first)
            #expect(sent.method == "POST")
            #expect(sent.path == "/v21.0/106540352242922/messages")
            #expect(sent.headers["Authorization"] == "Bearer EAAJBtest-access-token")
            #expect(sent.headers["Content-Type"] == "application/json")
            let body = try sent.json()
            #expect(body[path: "messaging_product"] == .string("whatsapp"))
            #expect(body[path: "recipient_type"] == .string("individual"))
            #expect(body[path: "to"] == .string("16505551234"))
            #expect(body[path: "type"] == .string("text"))
            #expect(body[path: "text.body"] == .string("Yes, it also comes in green."))
            #expect(body[path: "text.preview_url"] == .bool(false))
            #expect(body[path: "context.message_id"] == .string(WhatsAppTestChannel.wamid))
        }
    }

    @Test func aRateLimited429IsRetriedAfterTheDelayAsked() async throws {
        try await FakeProvider.withRunning(defaultReply: .rateLimited(retryAfterSeconds: 30, json: #"{"error":{"message":"(#4) Application request limit reached","type":"OAuthException","code":4,"fbtrace_id":"A1"}}"#)) { provider in
            let adapter = try Self.adapter(provider)
            let (request, response) = try await Self.send(adapter)
            let failure = try #require(throws: SendFailure.self) { try adapter.parseSendResult(response, for: request) }
            #expect(failure.isRetryable)
            #expect(failure.retryAfter == .seconds(30))
            #expect(failure.status == 429)
            #expect(failure.providerCode == "4")
        }
    }

    @Test func throughputErrorCode130429IsRetryable() async throws {
        let body = #"{"error":{"message":"(#130429) Rate limit hit","type":"OAuthException","code":130429,"error_data":{"messaging_product":"whatsapp","details":"Cloud API message throughput has been reached."},"error_subcode":2494055,"fbtrace_id":"Az8or2yhqkZfEZ-_4Qn_Bam"}}"#
        try await FakeProvider.withRunning(defaultReply: .json(status: 400, body: body)) { provider in
            let adapter = try Self.adapter(provider)
            let (request, response) = try await Self.send(adapter)
            let failure = try #require(throws: SendFailure.self) { try adapter.parseSendResult(response, for: request) }
            #expect(failure.isRetryable)
            #expect(failure.providerCode == "130429")
        }
    }

    @Test(arguments: [
        (#"{"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100,"error_data":{"messaging_product":"whatsapp","details":"Parameter 'to' is invalid"},"fbtrace_id":"B2"}}"#, "100"),
        (#"{"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,"error_data":{"messaging_product":"whatsapp","details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."},"fbtrace_id":"C3"}}"#, "131047"),
    ])
    func otherGraphErrorsArePermanentWithTheirCode(body: String, code: String) async throws {
        try await FakeProvider.withRunning(defaultReply: .json(status: 400, body: body)) { provider in
            let adapter = try Self.adapter(provider)
            let (request, response) = try await Self.send(adapter)
            let failure = try #require(throws: SendFailure.self) { try adapter.parseSendResult(response, for: request) }
            #expect(!failure.isRetryable)
            #expect(failure.status == 400)
            #expect(failure.providerCode == code)
            #expect(failure.reason.contains("\(code): (#\(code))"))
        }
    }

    @Test func marksTheMessageAsReadWhenItIsAccepted() async throws {
        try await FakeProvider.withRunning(defaultReply: .json(status: 200, body: #"{"success":true}"#)) { provider in
            let adapter = try Self.adapter(provider)
            let message = try #require(try adapter.parse(signed: WhatsAppPayloads.text).messages.first)
            let requests = adapter.acceptedRequests(for: message)
            #expect(requests.count == 1)
            for request in requests {
                #expect(try await request.send().status == 200)
            }
            let sent = try #require(try await provider.waitForRequests(count: 1).first)
            #expect(sent.path == "/v21.0/106540352242922/messages")
            #expect(sent.headers["Authorization"] == "Bearer EAAJBtest-access-token")
            #expect(sent.bodyText == #"{"message_id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=","messaging_product":"whatsapp","status":"read"}"#)
        }
    }

    @Test func addsATypingIndicatorToTheReadReceiptWhenConfigured() throws {
        let adapter = try WhatsAppTestChannel.adapter(settings: ["typingIndicator": .bool(true)])
        let message = try #require(try adapter.parse(signed: WhatsAppPayloads.text).messages.first)
        let request = try #require(adapter.acceptedRequests(for: message).first)
        #expect(bodyText(request) == #"{"message_id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=","messaging_product":"whatsapp","status":"read","typing_indicator":{"type":"text"}}"#)
    }

    @Test func aSuccessWithoutAnIDStillSucceeds() throws {
        let adapter = try WhatsAppTestChannel.adapter()
        let receipt = try adapter.parseSendResult(ProviderResponse(status: 200, body: Data("{}".utf8)), for: ProviderRequest(url: "http://x"))
        #expect(receipt.providerMessageID == nil)
    }
}
