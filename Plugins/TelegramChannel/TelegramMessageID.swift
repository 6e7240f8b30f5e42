/// The gateway's ids for Telegram messages.
///
/// Telegram numbers messages per chat, so a message is named by its chat and number:
/// `"<chat id>:<message_id>"`. An edit adds `":edit:<edit_date>"` (each edit is a new inbound
/// message that dedupes apart from the original), a button press is
/// `"<chat id>:callback:<callback query id>"`.
enum TelegramMessageID {
    /// `"<chat>:<message>"`.
    static func message(chat: Int64, message: Int64) -> String {
        "\(chat):\(message)"
    }

    /// `"<chat>:<message>:edit:<edit date>"`.
    static func edit(chat: Int64, message: Int64, editDate: Int64) -> String {
        "\(chat):\(message):edit:\(editDate)"
    }

    /// `"<chat>:callback:<query id>"`.
    static func callback(chat: Int64, queryID: String) -> String {
        "\(chat):callback:\(queryID)"
    }

    /// The message number inside `id` when `id` names a message (or an edit of one) in the chat
    /// `threadKey`; nil for button presses, other chats and ids from elsewhere.
    static func messageNumber(in id: String, chat threadKey: String) -> Int64? {
        let parts = id.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0] == threadKey, let number = Int64(parts[1]), number > 0 else { return nil }
        return number
    }
}
