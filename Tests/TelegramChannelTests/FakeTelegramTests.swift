import ChannelKit
import ChannelKitTesting
import Foundation
import TelegramChannel
import Testing

/// The adapter's requests sent for real, over HTTP, to a fake Bot API on 127.0.0.1.
@Suite struct FakeTelegramTests {
    static let sentMessage = #"{"ok":true,"result":{"message_id":1366,"from":{"id":987654321,"is_bot":true,"first_name":"Bella's Bakery","username":"bellas_bakery_bot"},"chat":{"id":1111111,"first_name":"Ada","type":"private"},"date":1441645560,"text":"We open at 7am."}}"#

    static let conversation = ConversationAddress(recipient: Participant(channelUserID: "1111111"), threadKey: "1111111", inReplyTo: "1111111:1365")

    @Test func sendsAMessageAndReadsItsID() async throws {
        try await FakeProvider.withRunning(defaultReply: .json(status: 200, body: Self.sentMessage)) { provider in
            let adapter = try TestBot.adapter(apiBaseURL: provider.baseURL)
            let reply = OutboundMessage(id: "rep-1", text: "We open at 7am & close at 6pm.", quickReplies: [QuickReply(title: "Thanks")])
            let request = try #require(providerRequests(adapter.render(reply, for: Self.conversation)).first)

            let response = try await request.send()
            let receipt = try adapter.parseSendResult(response, for: request)
            #expect(receipt.providerMessageID == "1111111:1366")

            let received = try #require(try await provider.waitForRequests(count: 1).first)
            #expect(received.method == "POST")
            #expect(received.path == "/bot\(TestBot.token.value)/sendMessage")
            #expect(received.headers["Content-Type"] == "application/json")
            #expect(try received.json() == .object([
                "chat_id": .number(1_111_111),
                "text": .string("We open at 7am &amp; close at 6pm."),
                "parse_mode": .string("HTML"),
                "reply_parameters": .object(["message_id": .number(1365), "allow_sending_without_reply": .bool(true)]),
                "reply_markup": .object(["inline_keyboard": .array([.array([.object(["text": .string("Thanks"), "callback_data": .string("Thanks")])])])]),
            ]))
        }
    }

    @Test func aRateLimitIsRetriedAfterTheDelayTelegramGives() async throws {
        let tooMany = #"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}"#
        try await FakeProvider.withRunning(defaultReply: .json(status: 429, body: tooMany)) { provider in
            let adapter = try TestBot.adapter(apiBaseURL: provider.baseURL)
            let request = try #require(providerRequests(adapter.render(OutboundMessage(id: "r", text: "Hi"), for: Self.conversation)).first)
            let response = try await request.send()
            let failure = try #require(throws: SendFailure.self) { try adapter.parseSendResult(response, for: request) }
            #expect(failure.isRetryable)
            #expect(failure.retryAfter == .seconds(7))
            #expect(failure.providerCode == "429")
        }
    }

    @Test func aMissingChatIsPermanent() async throws {
        let notFound = #"{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}"#
        try await FakeProvider.withRunning(defaultReply: .json(status: 400, body: notFound)) { provider in
            let adapter = try TestBot.adapter(apiBaseURL: provider.baseURL)
            let request = try #require(providerRequests(adapter.render(OutboundMessage(id: "r", text: "Hi"), for: Self.conversation)).first)
            let response = try await request.send()
            let failure = try #require(throws: SendFailure.self) { try adapter.parseSendResult(response, for: request) }
            #expect(!failure.isRetryable)
            #expect(failure.status == 400)
            #expect(failure.providerCode == "400")
            #expect(failure.reason == "Bad Request: chat not found")
        }
    }

    @Test func registersTheWebhook() async throws {
        let set = #"{"ok":true,"result":true,"description":"Webhook was set"}"#
        try await FakeProvider.withRunning(defaultReply: .json(status: 200, body: set)) { provider in
            let adapter = try TestBot.adapter(apiBaseURL: provider.baseURL)
            let request = try #require(adapter.registrationRequests(webhookURL: "https://gateway.example/webhooks/bakery-telegram").first)
            let receipt = try adapter.parseSendResult(try await request.send(), for: request)
            #expect(receipt.providerMessageID == nil)

            let received = try #require(try await provider.waitForRequests(count: 1).first)
            #expect(received.path == "/bot\(TestBot.token.value)/setWebhook")
            #expect(try received.json() == .object([
                "url": .string("https://gateway.example/webhooks/bakery-telegram"),
                "secret_token": .string(TestBot.webhookSecret.value),
                "allowed_updates": .array([.string("message"), .string("edited_message"), .string("callback_query")]),
                "drop_pending_updates": .bool(false),
            ]))
        }
    }

    @Test func pollsFromTheCursorAndReadsTheBatch() async throws {
        let batch = #"{"ok":true,"result":["# + [Updates.text, Updates.callbackQuery].joined(separator: ",") + "]}"
        try await FakeProvider.withRunning(defaultReply: .json(status: 200, body: batch)) { provider in
            let adapter = try TestBot.adapter(apiBaseURL: provider.baseURL, settings: ["mode": .string("polling")])
            let request = adapter.pollRequest(after: "10000", timeout: .seconds(0))
            let result = try adapter.parsePollResponse(try await request.send())
            #expect(result.events.count == 2)
            #expect(result.nextCursor == "10004")

            let received = try #require(try await provider.waitForRequests(count: 1).first)
            #expect(received.path == "/bot\(TestBot.token.value)/getUpdates")
            let body = try received.json()
            guard case .object(let members) = body else { throw TestFailure(description: "not an object: \(body)") }
            #expect(members["offset"] == .number(10000))
            #expect(members["timeout"] == .number(0))
        }
    }

    @Test func answersAButtonPressAndShowsTyping() async throws {
        try await FakeProvider.withRunning(defaultReply: .json(status: 200, body: #"{"ok":true,"result":true}"#)) { provider in
            let adapter = try TestBot.adapter(apiBaseURL: provider.baseURL)
            let message = try onlyMessage(adapter.parse(update: Updates.callbackQuery))
            for request in adapter.acceptedRequests(for: message) {
                _ = try adapter.parseSendResult(try await request.send(), for: request)
            }
            let received = try await provider.waitForRequests(count: 2)
            #expect(received.map(\.path) == [
                "/bot\(TestBot.token.value)/answerCallbackQuery",
                "/bot\(TestBot.token.value)/sendChatAction",
            ])
            #expect(try received[0].json() == .object(["callback_query_id": .string("4382bfdwdsb323b2d9")]))
            #expect(try received[1].json() == .object(["chat_id": .number(1_111_111), "action": .string("typing")]))
        }
    }
}
