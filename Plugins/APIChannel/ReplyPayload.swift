import ChannelKit

/// The JSON body of one reply part the gateway POSTs to the callback URL.
///
/// Encoded with sorted keys; absent optionals are omitted. `quickReplies` and `attachments`
/// appear on the last part only.
struct ReplyPayload: Encodable {
    /// The recipient, as the channel knows them.
    struct Recipient: Encodable {
        var id: String
    }

    /// A suggested answer the integrator may show as a button.
    struct QuickReplyItem: Encodable {
        var title: String
        var payload: String
    }

    /// Media sent along, in the same shape as inbound attachments.
    struct AttachmentItem: Encodable {
        var type: String
        var url: String?
        var mimeType: String?
        var filename: String?
        var caption: String?

        init(_ attachment: Attachment) {
            self.type = attachment.kind.rawValue
            self.url = attachment.url
            self.mimeType = attachment.mimeType
            self.filename = attachment.filename
            self.caption = attachment.caption
        }
    }

    /// The part's id: the reply's id, suffixed `-n` when the reply has several parts.
    var id: String
    var to: Recipient
    var thread: String
    var text: String
    var inReplyTo: String?
    var quickReplies: [QuickReplyItem]?
    var attachments: [AttachmentItem]?
    /// This part's number, from 1.
    var part: Int
    /// How many parts the reply has.
    var parts: Int
}
