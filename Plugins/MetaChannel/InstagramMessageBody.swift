import ChannelKit

/// The JSON body of one `POST /{ig-user-id}/messages` request that sends a message:
/// `{"recipient": {"id"}, "messaging_type": "RESPONSE", "message": {"text", "quick_replies"}}` or
/// `{"recipient": {"id"}, "messaging_type": "RESPONSE", "message": {"attachment": {"type", "payload": {"url"}}}}`.
struct InstagramMessageBody: Encodable {
    struct Recipient: Encodable { var id: String }

    struct QuickReplyItem: Encodable {
        var contentType = "text"
        var title: String
        var payload: String
        enum CodingKeys: String, CodingKey { case contentType = "content_type", title, payload }
    }

    struct MediaAttachment: Encodable {
        struct Payload: Encodable { var url: String }
        var type: String
        var payload: Payload
    }

    struct Message: Encodable {
        var text: String?
        var quickReplies: [QuickReplyItem]?
        var attachment: MediaAttachment?
        enum CodingKeys: String, CodingKey { case text, quickReplies = "quick_replies", attachment }
    }

    var recipient: Recipient
    /// A reply to a customer's message, inside the 24-hour window.
    var messagingType = "RESPONSE"
    var message: Message

    enum CodingKeys: String, CodingKey { case recipient, messagingType = "messaging_type", message }

    static func text(_ text: String, quickReplies: [QuickReplyItem]? = nil, to recipient: String) -> Self {
        InstagramMessageBody(recipient: Recipient(id: recipient), message: Message(text: text, quickReplies: quickReplies))
    }

    /// A media message for `attachment`, or nil when Instagram cannot carry it (no URL, or a
    /// kind other than image, video, audio and file).
    static func media(_ attachment: Attachment, to recipient: String) -> Self? {
        guard let url = attachment.url else { return nil }
        let type: String
        switch attachment.kind {
        case .image, .sticker: type = "image"
        case .video: type = "video"
        case .audio: type = "audio"
        case .file: type = "file"
        case .location, .contact, .other: return nil
        }
        let media = MediaAttachment(type: type, payload: .init(url: url))
        return InstagramMessageBody(recipient: Recipient(id: recipient), message: Message(attachment: media))
    }
}
