/// The keys of ``ChannelKit/InboundMessage/metadata`` the Telegram adapter fills in and reads back.
public enum TelegramMetadataKey {
    /// The id of the callback query a button press arrived as; answered with
    /// `answerCallbackQuery` when the message is accepted.
    public static let callbackQueryID = "callbackQueryID"
    /// For a button press: the id (`<chat>:<message_id>`) of the message that carried the button.
    public static let callbackMessageID = "callbackMessageID"
    /// For an edit: the id (`<chat>:<message_id>`) of the message as first sent.
    public static let editedMessageID = "editedMessageID"
    /// The id (`<chat>:<message_id>`) of the message the customer replied to, if any.
    public static let replyToMessageID = "replyToMessageID"
    /// The chat's type: `private`, `group`, `supergroup` or `channel`.
    public static let chatType = "chatType"
}
