/// The body that marks a customer's message as read (blue ticks), optionally with a typing
/// indicator the customer sees until the reply arrives or 25 seconds pass:
/// `{"messaging_product": "whatsapp", "status": "read", "message_id", "typing_indicator": {"type": "text"}}`.
struct WhatsAppReadReceipt: Encodable {
    struct TypingIndicator: Encodable { var type = "text" }

    var messagingProduct = "whatsapp"
    var status = "read"
    var messageID: String
    var typingIndicator: TypingIndicator?

    enum CodingKeys: String, CodingKey {
        case messagingProduct = "messaging_product", status, messageID = "message_id", typingIndicator = "typing_indicator"
    }
}
