import ChannelKit

/// The JSON body of one `POST /{phone-number-id}/messages` request that sends a message:
/// `{"messaging_product": "whatsapp", "recipient_type": "individual", "to", "type", "<type>": {…}}`,
/// with `context.message_id` when it replies to a customer's message.
struct WhatsAppMessageBody: Encodable {
    struct Context: Encodable {
        var messageID: String
        enum CodingKeys: String, CodingKey { case messageID = "message_id" }
    }

    struct Text: Encodable {
        var body: String
        /// Link previews stay off: the assistant's links are not chosen for their previews.
        var previewURL = false
        enum CodingKeys: String, CodingKey { case body, previewURL = "preview_url" }
    }

    /// A media object: a public `link` or an uploaded media `id`.
    struct Media: Encodable {
        var link: String?
        var id: String?
        var caption: String?
        var filename: String?
    }

    struct Template: Encodable {
        struct Language: Encodable { var code: String }
        var name: String
        var language: Language
    }

    var messagingProduct = "whatsapp"
    var recipientType = "individual"
    var to: String
    var type: String
    var context: Context?
    var text: Text?
    var interactive: WhatsAppInteractive?
    var template: Template?
    var image: Media?
    var audio: Media?
    var video: Media?
    var document: Media?
    var sticker: Media?

    enum CodingKeys: String, CodingKey {
        case messagingProduct = "messaging_product", recipientType = "recipient_type"
        case to, type, context, text, interactive, template, image, audio, video, document, sticker
    }

    static func text(_ body: String, to recipient: String) -> Self {
        WhatsAppMessageBody(to: recipient, type: "text", text: Text(body: body))
    }

    static func interactive(_ interactive: WhatsAppInteractive, to recipient: String) -> Self {
        WhatsAppMessageBody(to: recipient, type: "interactive", interactive: interactive)
    }

    static func template(_ template: WhatsAppTemplate, to recipient: String) -> Self {
        WhatsAppMessageBody(to: recipient, type: "template", template: Template(name: template.name, language: .init(code: template.language)))
    }

    /// A media message for `attachment`, or nil when WhatsApp cannot carry it (a location or
    /// contact attachment, or one with neither a URL nor a media id). Files and other kinds go
    /// as documents; captions only where WhatsApp shows them (image, video, document).
    static func media(_ attachment: Attachment, to recipient: String) -> Self? {
        guard attachment.url != nil || attachment.providerMediaID != nil else { return nil }
        var media = Media(link: attachment.url, id: attachment.url == nil ? attachment.providerMediaID : nil)
        var body = WhatsAppMessageBody(to: recipient, type: "")
        switch attachment.kind {
        case .image:
            media.caption = attachment.caption
            body.type = "image"; body.image = media
        case .video:
            media.caption = attachment.caption
            body.type = "video"; body.video = media
        case .audio:
            body.type = "audio"; body.audio = media
        case .sticker:
            body.type = "sticker"; body.sticker = media
        case .file, .other:
            media.caption = attachment.caption
            media.filename = attachment.filename
            body.type = "document"; body.document = media
        case .location, .contact:
            return nil
        }
        return body
    }
}
