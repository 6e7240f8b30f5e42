/// The body of a sender action: `{"recipient": {"id"}, "sender_action": "mark_seen" | "typing_on"}`.
/// Instagram accepts nothing else in the same request.
struct InstagramSenderAction: Encodable {
    struct Recipient: Encodable { var id: String }

    var recipient: Recipient
    var senderAction: String

    enum CodingKeys: String, CodingKey { case recipient, senderAction = "sender_action" }

    /// Marks the customer's latest message as seen.
    static func markSeen(_ recipient: String) -> Self {
        InstagramSenderAction(recipient: Recipient(id: recipient), senderAction: "mark_seen")
    }

    /// Shows the customer a typing indicator until the reply arrives (or 20 seconds pass).
    static func typingOn(_ recipient: String) -> Self {
        InstagramSenderAction(recipient: Recipient(id: recipient), senderAction: "typing_on")
    }
}
