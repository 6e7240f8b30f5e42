import ChannelKit
import Foundation

/// Turns a reply into Bot API calls: `sendMessage` per part of the text, then one call per
/// attachment (`sendPhoto`, `sendDocument`…).
///
/// - The text is split and escaped by ``TelegramTextFitter`` for the channel's parse mode.
/// - The first call answers the customer's message (`reply_parameters`, sent even if that
///   message was deleted) when ``ChannelKit/ConversationAddress/inReplyTo`` names a message of
///   this chat.
/// - Quick replies become an inline keyboard on the last text part (on the last attachment when
///   the reply has no text).
struct TelegramReplyRenderer {
    let settings: TelegramSettings
    let api: TelegramAPI

    /// The calls that deliver `reply`, in order.
    ///
    /// - Throws: a permanent ``SendFailure`` when the conversation has no chat id, or when the
    ///   reply has neither text nor an attachment Telegram can send (buttons cannot go alone).
    func requests(for reply: OutboundMessage, to conversation: ConversationAddress) throws(SendFailure) -> [ProviderRequest] {
        let chatKey = conversation.threadKey.trimmingCharacters(in: .whitespaces)
        guard !chatKey.isEmpty else {
            throw SendFailure(isRetryable: false, reason: "the conversation has no Telegram chat id")
        }
        let chat = RequestJSON.chatID(chatKey)
        let texts = try TelegramTextFitter.parts(of: reply.text, limit: settings.maxTextLength, escape: settings.parseMode.escape)
        let media = reply.attachments.compactMap { mediaCall(for: $0, chat: chat) }
        guard !texts.isEmpty || !media.isEmpty else {
            throw SendFailure(isRetryable: false, reason: "the reply has no text or attachment Telegram can send")
        }

        var calls = texts.map { text -> TelegramCall in
            var parameters: [String: RequestJSON] = ["chat_id": chat, "text": .string(text)]
            if let parseMode = settings.parseMode.wireValue {
                parameters["parse_mode"] = .string(parseMode)
            }
            return TelegramCall(method: "sendMessage", parameters: parameters)
        }
        calls += media
        if let number = conversation.inReplyTo.flatMap({ TelegramMessageID.messageNumber(in: $0, chat: chatKey) }) {
            calls[0].parameters["reply_parameters"] = .object([
                "message_id": .int(number),
                "allow_sending_without_reply": true,
            ])
        }
        if let keyboard = InlineKeyboard.markup(for: reply.quickReplies) {
            let index = texts.isEmpty ? calls.count - 1 : texts.count - 1
            calls[index].parameters["reply_markup"] = keyboard
        }
        return calls.map { api.request($0) }
    }
}
