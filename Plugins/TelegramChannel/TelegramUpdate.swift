import ChannelKit
import Foundation

/// Reads one Telegram Update object: `{"update_id": …, "<kind>": {…}}`, where exactly one kind
/// is present.
///
/// Handled kinds: `message`, `edited_message` (see ``ChannelKit/InboundEvent/telegramMessage(_:isEdit:)``)
/// and `callback_query` (``ChannelKit/InboundEvent/telegramCallbackQuery(_:now:)``). Every other
/// kind is ignored with a reason naming it.
enum TelegramUpdate {
    /// The update kinds the gateway asks Telegram for (`allowed_updates`).
    static let handledKinds = ["message", "edited_message", "callback_query"]

    /// The update's `update_id`.
    static func id(of update: TelegramObject) throws(WebhookError) -> Int64 {
        try update.requiredInt("update_id")
    }

    /// The event the update carries.
    ///
    /// - Parameter now: the timestamp of events Telegram gives no date (button presses).
    /// - Throws: 400 naming the field in error.
    static func event(in update: TelegramObject, now: Date) throws(WebhookError) -> InboundEvent {
        let updateID = try id(of: update)
        if let message = try update.object("message") {
            return try .telegramMessage(message, isEdit: false)
        }
        if let message = try update.object("edited_message") {
            return try .telegramMessage(message, isEdit: true)
        }
        if let query = try update.object("callback_query") {
            return try .telegramCallbackQuery(query, now: now)
        }
        guard let kind = update.fields.keys.filter({ $0 != "update_id" && update.has($0) }).sorted().first else {
            return .ignored(reason: "update \(updateID) carries no content")
        }
        return .ignored(reason: "update \(updateID): \(ignoredReason(kind: kind, in: update))")
    }

    /// Why an update of `kind` is not a customer's message, as specific as the kind allows.
    private static func ignoredReason(kind: String, in update: TelegramObject) -> String {
        switch kind {
        case "channel_post", "edited_channel_post":
            return "\"\(kind)\" is a post in a channel the bot administers, not a customer's message"
        case "my_chat_member":
            // Read leniently: the reason is only logged.
            let change = try? update.object(kind)
            let chatID: Int64? = try? change?.object("chat")?.int("id")
            let status: String? = try? change?.object("new_chat_member")?.string("status")
            let chat = chatID.map { " in chat \($0)" } ?? ""
            let detail = status.map { " changed to \"\($0.prefix(20))\"" } ?? " changed"
            return "\"my_chat_member\": the bot's membership\(chat)\(detail) (\"kicked\" in a private chat means the customer blocked the bot)"
        case "chat_member", "chat_join_request":
            return "\"\(kind)\" reports a change of a chat's members, not a customer's message"
        case "inline_query", "chosen_inline_result":
            return "\"\(kind)\" belongs to inline mode, which the gateway does not support"
        case "business_connection", "business_message", "edited_business_message", "deleted_business_messages":
            return "\"\(kind)\" belongs to Telegram Business accounts, which the gateway does not support"
        default:
            return "\"\(kind.prefix(40))\" updates are not handled by the Telegram channel"
        }
    }
}
