import ChannelKit
import Foundation
import TelegramChannel
import Testing

@Suite struct SendResultTests {
    /// A `sendMessage` the answers below answer.
    static let sent = ProviderRequest(
        url: "https://api.telegram.org/bot\(TestBot.token.value)/sendMessage",
        headers: ["Content-Type": "application/json"],
        body: Data(#"{"chat_id":1111111,"text":"Hi"}"#.utf8)
    )

    static func answer(_ status: Int, _ body: String, headers: HeaderFields = [:]) -> ProviderResponse {
        ProviderResponse(status: status, headers: headers, body: Data(body.utf8))
    }

    @Test func takesTheSentMessagesID() throws {
        let body = #"{"ok":true,"result":{"message_id":1366,"from":{"id":987654321,"is_bot":true,"first_name":"Bella's Bakery"},"chat":{"id":1111111,"first_name":"Ada","type":"private"},"date":1441645560,"text":"Hi"}}"#
        let receipt = try TestBot.adapter().parseSendResult(Self.answer(200, body), for: Self.sent)
        #expect(receipt.providerMessageID == "1111111:1366")
    }

    @Test func keepsANegativeGroupChatID() throws {
        let body = #"{"ok":true,"result":{"message_id":78,"chat":{"id":-1001234567890,"type":"supergroup"},"date":1,"text":"Hi"}}"#
        let receipt = try TestBot.adapter().parseSendResult(Self.answer(200, body), for: Self.sent)
        #expect(receipt.providerMessageID == "-1001234567890:78")
    }

    @Test func fallsBackToTheRequestsChatWhenTheResultHasNone() throws {
        let receipt = try TestBot.adapter().parseSendResult(Self.answer(200, #"{"ok":true,"result":{"message_id":9}}"#), for: Self.sent)
        #expect(receipt.providerMessageID == "1111111:9")
    }

    @Test(arguments: [#"{"ok":true,"result":true}"#, "", "<html>OK</html>"])
    func aSuccessWithoutAMessageHasNoID(body: String) throws {
        let receipt = try TestBot.adapter().parseSendResult(Self.answer(200, body), for: Self.sent)
        #expect(receipt.providerMessageID == nil)
    }

    @Test func retriesA429AfterTheDelayInTheBody() throws {
        let body = #"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}"#
        let adapter = try TestBot.adapter()
        let failure = try #require(throws: SendFailure.self) { try adapter.parseSendResult(Self.answer(429, body), for: Self.sent) }
        #expect(failure.isRetryable)
        #expect(failure.retryAfter == .seconds(7))
        #expect(failure.status == 429)
        #expect(failure.providerCode == "429")
        #expect(failure.reason == "Too Many Requests: retry after 7")
    }

    @Test func retriesA429AfterTheRetryAfterHeaderWithoutABody() throws {
        let adapter = try TestBot.adapter()
        let failure = try #require(throws: SendFailure.self) {
            try adapter.parseSendResult(Self.answer(429, "", headers: ["Retry-After": "3"]), for: Self.sent)
        }
        #expect(failure.isRetryable)
        #expect(failure.retryAfter == .seconds(3))
    }

    @Test(arguments: [500, 502, 503, 504])
    func retriesServerErrors(status: Int) throws {
        let body = #"{"ok":false,"error_code":\#(status),"description":"Internal Server Error"}"#
        let adapter = try TestBot.adapter()
        let failure = try #require(throws: SendFailure.self) { try adapter.parseSendResult(Self.answer(status, body), for: Self.sent) }
        #expect(failure.isRetryable)
        #expect(failure.status == status)
    }

    @Test(arguments: [
        (400, "Bad Request: chat not found"),
        (403, "Forbidden: bot was blocked by the user"),
        (400, "Bad Request: message is too long"),
    ])
    func givesUpOnRefusals(status: Int, description: String) throws {
        let body = #"{"ok":false,"error_code":\#(status),"description":"\#(description)"}"#
        let adapter = try TestBot.adapter()
        let failure = try #require(throws: SendFailure.self) { try adapter.parseSendResult(Self.answer(status, body), for: Self.sent) }
        #expect(!failure.isRetryable)
        #expect(failure.status == status)
        #expect(failure.providerCode == String(status))
        #expect(failure.reason == description)
    }

    @Test func explainsAGroupThatMigrated() throws {
        let body = #"{"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded to a supergroup chat","parameters":{"migrate_to_chat_id":-1001234567890}}"#
        let adapter = try TestBot.adapter()
        let failure = try #require(throws: SendFailure.self) { try adapter.parseSendResult(Self.answer(400, body), for: Self.sent) }
        #expect(!failure.isRetryable)
        #expect(failure.reason.contains("-1001234567890"))
    }

    @Test func anErrorWithoutABodyStillFails() throws {
        let adapter = try TestBot.adapter()
        let failure = try #require(throws: SendFailure.self) { try adapter.parseSendResult(Self.answer(400, "Bad Request"), for: Self.sent) }
        #expect(!failure.isRetryable)
        #expect(failure.providerCode == nil)
        #expect(failure.reason.contains("400"))
    }
}
