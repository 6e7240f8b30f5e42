import ChannelKit
import Foundation

extension InboundEvent {
    /// What a customer's edit is marked with: the assistant sees that the text replaces an
    /// earlier message rather than starting a new question.
    static let telegramEditPrefix = "(edited) "

    /// Content keys of messages the gateway does not handle, named in the reason it ignores them.
    private static let unhandledMessageKinds = [
        "poll", "dice", "game", "invoice", "story", "paid_media", "giveaway", "checklist",
        "new_chat_members", "left_chat_member", "new_chat_title", "new_chat_photo", "pinned_message",
        "migrate_to_chat_id", "group_chat_created", "successful_payment", "web_app_data",
    ]

    /// Reads a Telegram Message object from an update's `message` or `edited_message`.
    ///
    /// The message's id is `"<chat id>:<message_id>"`; an edit's is
    /// `"<chat id>:<message_id>:edit:<edit_date>"`, its text is prefixed with
    /// ``telegramEditPrefix`` and its metadata names the original message. Messages without a
    /// sender user (posted on behalf of a chat), from bots, or with neither text nor supported
    /// media (service messages, polls, dice…) are ignored with a reason.
    ///
    /// - Throws: 400 naming the field when `message_id`, `chat.id` or `date` is missing or
    ///   mistyped, or when a present field has the wrong type.
    static func telegramMessage(_ message: TelegramObject, isEdit: Bool) throws(WebhookError) -> InboundEvent {
        let messageNumber = try message.requiredInt("message_id")
        let chat = try message.requiredObject("chat")
        let chatID = try chat.requiredInt("id")
        let date = try message.requiredInt("date")
        let id = TelegramMessageID.message(chat: chatID, message: messageNumber)

        guard let from = try message.object("from") else {
            return .ignored(reason: "message \(id) has no sender user (it was posted on behalf of a chat)")
        }
        if try from.bool("is_bot") == true {
            return .ignored(reason: "message \(id) was sent by a bot")
        }
        let senderID = try from.requiredInt("id")
        let attachments = try Attachment.telegramAttachments(in: message)
        var text = try message.string("text") ?? ""
        if text.isEmpty {
            text = try message.string("caption") ?? ""
        }
        if text.allSatisfy(\.isWhitespace), attachments.isEmpty {
            let kind = unhandledMessageKinds.first { message.has($0) }
            let detail = kind.map { " (it carries \"\($0)\")" } ?? ""
            return .ignored(reason: "message \(id) has no text or media the gateway handles\(detail)")
        }

        var metadata: [String: String] = [:]
        if let type = try chat.string("type") {
            metadata[TelegramMetadataKey.chatType] = type
        }
        if let original = try message.object("reply_to_message"), let number = try original.int("message_id") {
            metadata[TelegramMetadataKey.replyToMessageID] = TelegramMessageID.message(chat: chatID, message: number)
        }
        var providerMessageID = id
        var timestamp = date
        var body = text
        if isEdit {
            let editDate = try message.int("edit_date") ?? date
            providerMessageID = TelegramMessageID.edit(chat: chatID, message: messageNumber, editDate: editDate)
            timestamp = editDate
            body = text.isEmpty ? telegramEditPrefix.trimmingCharacters(in: .whitespaces) : telegramEditPrefix + text
            metadata[TelegramMetadataKey.editedMessageID] = id
        }
        return .message(InboundMessage(
            providerMessageID: providerMessageID,
            sender: try Participant(telegramUser: from, phone: try ownPhone(in: message, senderID: senderID)),
            threadKey: String(chatID),
            text: body,
            attachments: attachments,
            timestamp: Date(timeIntervalSince1970: TimeInterval(timestamp)),
            metadata: metadata
        ))
    }

    /// The sender's phone number when the message is their own contact card (Telegram's
    /// "share my phone number" button sends one whose `user_id` is the sender).
    private static func ownPhone(in message: TelegramObject, senderID: Int64) throws(WebhookError) -> String? {
        guard let contact = try message.object("contact"),
              try contact.int("user_id") == senderID,
              let phone = try contact.string("phone_number") else { return nil }
        return Participant.telegramPhone(phone)
    }
}
