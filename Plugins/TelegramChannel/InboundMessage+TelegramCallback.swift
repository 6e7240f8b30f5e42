import ChannelKit
import Foundation

extension InboundEvent {
    /// Reads a CallbackQuery object: the customer pressed an inline-keyboard button.
    ///
    /// The press becomes a message whose text is the button's `data` (the quick reply's
    /// payload), in the chat of the message that carried the button (else the user's private
    /// chat), with id `"<chat id>:callback:<query id>"` and the query id in
    /// ``TelegramMetadataKey/callbackQueryID`` so that accepting it answers the query (which stops
    /// the button's spinner). Callback queries carry no date: `now` is the timestamp.
    ///
    /// - Throws: 400 naming the field when `id`, `from.id` or `message.chat.id` is missing or mistyped.
    static func telegramCallbackQuery(_ query: TelegramObject, now: Date) throws(WebhookError) -> InboundEvent {
        let queryID = try query.requiredString("id")
        let from = try query.requiredObject("from")
        var chatID = try from.requiredInt("id")
        var metadata = [TelegramMetadataKey.callbackQueryID: queryID]
        if let message = try query.object("message") {
            let chat = try message.requiredObject("chat")
            chatID = try chat.requiredInt("id")
            if let type = try chat.string("type") {
                metadata[TelegramMetadataKey.chatType] = type
            }
            if let number = try message.int("message_id") {
                metadata[TelegramMetadataKey.callbackMessageID] = TelegramMessageID.message(chat: chatID, message: number)
            }
        }
        guard let data = try query.string("data") else {
            return .ignored(reason: "callback query \(queryID) carries no data (a game button)")
        }
        return .message(InboundMessage(
            providerMessageID: TelegramMessageID.callback(chat: chatID, queryID: queryID),
            sender: try Participant(telegramUser: from),
            threadKey: String(chatID),
            text: data,
            timestamp: now,
            metadata: metadata
        ))
    }
}
