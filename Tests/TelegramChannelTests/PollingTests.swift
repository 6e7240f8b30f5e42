import ChannelKit
import Foundation
import TelegramChannel
import Testing

@Suite struct PollingTests {
    static func pollingAdapter() throws -> TelegramChannelAdapter {
        try TestBot.adapter(settings: ["mode": .string("polling")])
    }

    /// A `getUpdates` answer holding `updates`.
    static func answer(_ updates: [String]) -> ProviderResponse {
        let body = #"{"ok":true,"result":["# + updates.joined(separator: ",") + "]}"
        return ProviderResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
    }

    @Test func pollRequestAsksForUpdatesAfterTheCursor() throws {
        let request = try Self.pollingAdapter().pollRequest(after: "10004", timeout: .seconds(25))
        #expect(request.method == "POST")
        #expect(request.url == "https://api.telegram.org/bot\(TestBot.token.value)/getUpdates")
        #expect(try jsonObject(request.body) == [
            "offset": .number(10004),
            "timeout": .number(25),
            "allowed_updates": .array([.string("message"), .string("edited_message"), .string("callback_query")]),
        ])
    }

    @Test(arguments: [nil, "", "not-a-number"] as [String?])
    func pollRequestWithoutACursorStartsFromTheOldestUnconfirmedUpdate(cursor: String?) throws {
        let request = try Self.pollingAdapter().pollRequest(after: cursor, timeout: .milliseconds(1500))
        let body = try jsonObject(request.body)
        #expect(body["offset"] == nil)
        #expect(body["timeout"] == .number(1))
    }

    @Test func readsABatchAndMovesTheCursorPastTheHighestUpdate() throws {
        let result = try Self.pollingAdapter().parsePollResponse(Self.answer([
            Updates.text, Updates.callbackQuery, Updates.edited, Updates.channelPost, Updates.photo,
        ]))
        #expect(result.nextCursor == "10011", "the highest update_id is 10010")
        #expect(result.events.count == 5)
        let messageIDs = result.events.compactMap { event -> String? in
            if case .message(let message) = event { message.providerMessageID } else { nil }
        }
        #expect(messageIDs == ["1111111:1365", "1111111:callback:4382bfdwdsb323b2d9", "1111111:1365:edit:1441645600", "1111111:1367"])
        guard case .ignored(let reason) = result.events[3] else {
            Issue.record("expected the channel post to be ignored, got \(result.events[3])")
            return
        }
        #expect(reason.contains("channel_post"))
    }

    @Test func anEmptyBatchKeepsTheCursor() throws {
        let result = try Self.pollingAdapter().parsePollResponse(Self.answer([]))
        #expect(result.events.isEmpty)
        #expect(result.nextCursor == nil)
    }

    @Test func aMalformedUpdateInABatchIsIgnoredAndPassed() throws {
        let broken = #"{"update_id":10020,"message":{"message_id":1,"chat":{"id":"x"},"date":1,"text":"hi"}}"#
        let result = try Self.pollingAdapter().parsePollResponse(Self.answer([Updates.text, broken, "42"]))
        #expect(result.nextCursor == "10021", "one unreadable update must not stall the channel")
        #expect(result.events.count == 3)
        guard case .ignored(let reason) = result.events[1], case .ignored(let scalar) = result.events[2] else {
            Issue.record("expected the broken updates to be ignored, got \(result.events)")
            return
        }
        #expect(reason.contains("message.chat.id"))
        #expect(scalar.contains("result[2]"))
    }

    @Test func aConflictIsPermanentAndSaysWhatToDo() throws {
        let body = #"{"ok":false,"error_code":409,"description":"Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"}"#
        let adapter = try Self.pollingAdapter()
        let failure = try #require(throws: SendFailure.self) {
            try adapter.parsePollResponse(ProviderResponse(status: 409, body: Data(body.utf8)))
        }
        #expect(!failure.isRetryable)
        #expect(failure.status == 409)
        #expect(failure.providerCode == "409")
        #expect(failure.reason.contains("terminated by other getUpdates request"))
        #expect(failure.reason.contains("webhook"))
    }

    @Test func aRateLimitedPollWaitsAsAsked() throws {
        let body = #"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 12","parameters":{"retry_after":12}}"#
        let adapter = try Self.pollingAdapter()
        let failure = try #require(throws: SendFailure.self) {
            try adapter.parsePollResponse(ProviderResponse(status: 429, body: Data(body.utf8)))
        }
        #expect(failure.isRetryable)
        #expect(failure.retryAfter == .seconds(12))
    }

    @Test func aRefusedTokenIsPermanentAndNamesTheSecret() throws {
        let body = #"{"ok":false,"error_code":401,"description":"Unauthorized"}"#
        let adapter = try Self.pollingAdapter()
        let failure = try #require(throws: SendFailure.self) {
            try adapter.parsePollResponse(ProviderResponse(status: 401, body: Data(body.utf8)))
        }
        #expect(!failure.isRetryable)
        #expect(failure.reason.contains("secrets.botToken"))
        #expect(!failure.reason.contains(TestBot.token.value))
    }

    @Test func anAnswerWithoutAListIsRetried() throws {
        let adapter = try Self.pollingAdapter()
        let failure = try #require(throws: SendFailure.self) {
            try adapter.parsePollResponse(ProviderResponse(status: 200, body: Data(#"{"ok":true,"result":true}"#.utf8)))
        }
        #expect(failure.isRetryable)
    }

    @Test func registeringAWebhookSetsItWithTheSecret() throws {
        let requests = try TestBot.adapter().registrationRequests(webhookURL: "https://gateway.example/webhooks/bakery-telegram")
        let request = try #require(requests.first)
        #expect(requests.count == 1)
        #expect(request.url == "https://api.telegram.org/bot\(TestBot.token.value)/setWebhook")
        #expect(try jsonObject(request.body) == [
            "url": .string("https://gateway.example/webhooks/bakery-telegram"),
            "secret_token": .string(TestBot.webhookSecret.value),
            "allowed_updates": .array([.string("message"), .string("edited_message"), .string("callback_query")]),
            "drop_pending_updates": .bool(false),
        ])
    }

    @Test func registeringAPollingChannelDeletesTheWebhook() throws {
        let requests = try Self.pollingAdapter().registrationRequests(webhookURL: "https://gateway.example/webhooks/bakery-telegram")
        let request = try #require(requests.first)
        #expect(requests.count == 1)
        #expect(request.url.hasSuffix("/deleteWebhook"))
        #expect(try jsonObject(request.body) == ["drop_pending_updates": .bool(false)])
    }
}
