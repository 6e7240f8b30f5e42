import ChannelKit
import ChannelKitTesting
import Foundation
import MetaChannel
import Testing

/// Rendered requests sent for real to a fake Graph API on 127.0.0.1, configured as `graphBaseURL`.
@Suite struct InstagramSendTests {
    static func adapter(_ provider: FakeProvider) throws -> InstagramChannelAdapter {
        try InstagramTestChannel.adapter(settings: ["graphBaseURL": .string(provider.baseURL)])
    }

    static func send(_ adapter: InstagramChannelAdapter) async throws -> (ProviderRequest, ProviderResponse) {
        let request = try #require(try adapter.render(OutboundMessage(id: "rep-1", text: "Yes, size M is in stock."), for: InstagramTestChannel.conversation()).providerRequests().first)
        return (request, try await request.send())
    }

    @Test func sendsToTheAccountsMessagesEdgeAndReadsTheMessageID() async throws {
        let success = #"{"recipient_id":"1234567890123456","message_id":"aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQ5"}"#
        try await FakeProvider.withRunning(defaultReply: .json(status: 200, body: success)) { provider in
            let adapter = try Self.adapter(provider)
            let (request, response) = try await Self.send(adapter)
            #expect(try adapter.parseSendResult(response, for: request).providerMessageID == "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQ5")
            let sent = try #require(try await provider.waitForRequests(count: 1).first)
            #expect(sent.method == "POST")
            #expect(sent.path == "/v21.0/17841400000000000/messages")
            #expect(sent.headers["Authorization"] == "Bearer EAAJBtest-access-token")
            let body = try sent.json()
            #expect(body[path: "recipient.id"] == .string("1234567890123456"))
            #expect(body[path: "message.text"] == .string("Yes, size M is in stock."))
            #expect(body[path: "messaging_type"] == .string("RESPONSE"))
        }
    }

    @Test func rateLimitsAreRetryable() async throws {
        let body = #"{"error":{"message":"(#613) Calls to this api have exceeded the rate limit.","type":"OAuthException","code":613,"fbtrace_id":"D4"}}"#
        try await FakeProvider.withRunning(defaultReply: .json(status: 400, body: body)) { provider in
            let adapter = try Self.adapter(provider)
            let (request, response) = try await Self.send(adapter)
            let failure = try #require(throws: SendFailure.self) { try adapter.parseSendResult(response, for: request) }
            #expect(failure.isRetryable)
            #expect(failure.providerCode == "613")
        }
    }

    @Test func aClosedWindowAnswerIsPermanent() async throws {
        let body = #"{"error":{"message":"(#10) This message is sent outside of allowed window.","type":"OAuthException","code":10,"error_subcode":2018278,"fbtrace_id":"E5"}}"#
        try await FakeProvider.withRunning(defaultReply: .json(status: 400, body: body)) { provider in
            let adapter = try Self.adapter(provider)
            let (request, response) = try await Self.send(adapter)
            let failure = try #require(throws: SendFailure.self) { try adapter.parseSendResult(response, for: request) }
            #expect(!failure.isRetryable)
            #expect(failure.providerCode == "10")
            #expect(failure.reason.contains("10/2018278: (#10) This message is sent outside of allowed window."))
        }
    }

    @Test func sendsTheSenderActionsForReal() async throws {
        try await FakeProvider.withRunning(defaultReply: .json(status: 200, body: #"{"recipient_id":"1234567890123456"}"#)) { provider in
            let adapter = try Self.adapter(provider)
            let message = try #require(try adapter.parse(signed: InstagramPayloads.text).messages.first)
            for request in adapter.acceptedRequests(for: message) {
                #expect(try await request.send().status == 200)
            }
            let sent = try await provider.waitForRequests(count: 2)
            #expect(sent.map(\.path) == ["/v21.0/17841400000000000/messages", "/v21.0/17841400000000000/messages"])
            #expect(sent.map { try? $0.json()[path: "sender_action"] } == [.string("mark_seen"), .string("typing_on")])
        }
    }
}
