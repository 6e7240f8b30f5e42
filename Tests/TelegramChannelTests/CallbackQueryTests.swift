import ChannelKit
import Foundation
import TelegramChannel
import Testing

@Suite struct CallbackQueryTests {
    @Test func aButtonPressIsAMessageWithTheButtonsData() throws {
        let before = Date()
        let message = try onlyMessage(TestBot.adapter().parse(update: Updates.callbackQuery))
        #expect(message.providerMessageID == "1111111:callback:4382bfdwdsb323b2d9")
        #expect(message.text == "LOAF_SOURDOUGH")
        #expect(message.threadKey == "1111111")
        #expect(message.sender == Participant(channelUserID: "1111111", displayName: "Ada Lovelace"))
        #expect(message.metadata == [
            "callbackQueryID": "4382bfdwdsb323b2d9",
            "callbackMessageID": "1111111:1366",
            "chatType": "private",
        ])
        #expect(message.timestamp >= before.addingTimeInterval(-1), "callback queries carry no date: the time of parsing is used")
    }

    @Test func acceptingAButtonPressAnswersItThenShowsTyping() throws {
        let adapter = try TestBot.adapter()
        let message = try onlyMessage(adapter.parse(update: Updates.callbackQuery))
        let requests = adapter.acceptedRequests(for: message)
        #expect(requests.map(\.url) == [
            "https://api.telegram.org/bot\(TestBot.token.value)/answerCallbackQuery",
            "https://api.telegram.org/bot\(TestBot.token.value)/sendChatAction",
        ])
        #expect(try jsonObject(requests[0].body) == ["callback_query_id": .string("4382bfdwdsb323b2d9")])
        #expect(try jsonObject(requests[1].body) == ["chat_id": .number(1_111_111), "action": .string("typing")])
        #expect(requests.allSatisfy { $0.method == "POST" && $0.headers["Content-Type"] == "application/json" })
    }

    @Test func acceptingATextMessageOnlyShowsTyping() throws {
        let adapter = try TestBot.adapter()
        let message = try onlyMessage(adapter.parse(update: Updates.groupReply))
        let requests = adapter.acceptedRequests(for: message)
        #expect(requests.count == 1)
        #expect(requests.first?.url.hasSuffix("/sendChatAction") == true)
        #expect(try jsonObject(try #require(requests.first).body)["chat_id"] == .number(-1_001_234_567_890))
    }

    @Test func aPressWithoutTheMessageGoesToTheUsersPrivateChat() throws {
        let body = #"{"update_id":1,"callback_query":{"id":"998877","from":{"id":42,"is_bot":false,"first_name":"Ada"},"inline_message_id":"BAAAAAAA","chat_instance":"1","data":"YES"}}"#
        let message = try onlyMessage(TestBot.adapter().parse(update: body))
        #expect(message.threadKey == "42")
        #expect(message.providerMessageID == "42:callback:998877")
        #expect(message.metadata == ["callbackQueryID": "998877"])
    }

    @Test func aPressWithoutDataIsIgnored() throws {
        let body = #"{"update_id":1,"callback_query":{"id":"998877","from":{"id":42,"first_name":"Ada"},"chat_instance":"1","game_short_name":"snake"}}"#
        let reason = try onlyIgnoredReason(TestBot.adapter().parse(update: body))
        #expect(reason.contains("998877"))
        #expect(reason.contains("no data"))
    }
}
