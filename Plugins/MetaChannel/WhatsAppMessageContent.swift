import ChannelKit

/// The content of one WhatsApp message, read according to its `type`.
///
/// Handled: `text`; `image`, `video`, `audio`, `document`, `sticker` (the media id becomes
/// ``Attachment/providerMediaID``); `interactive` replies (`button_reply`, `list_reply`: the
/// text is the title, the id goes to metadata `payload`); `button` (a template's quick reply);
/// `location`; `contacts`. Ignored with a reason: `reaction` (an emoji on an earlier message is
/// not a question to answer), `unsupported`, `system`, Flows replies and any other type.
struct WhatsAppMessageContent {
    /// What reading a message gave.
    enum Outcome {
        case content(WhatsAppMessageContent)
        case ignored(String)
    }

    var text: String
    var attachments: [Attachment] = []
    var metadata: [String: String] = [:]

    static func read(type: String, in message: MetaPayload) throws(WebhookError) -> Outcome {
        switch type {
        case "text":
            return .content(WhatsAppMessageContent(text: try message.requiredObject("text").requiredString("body")))
        case "image", "video", "audio", "document", "sticker":
            return .content(try media(type: type, in: message.requiredObject(type)))
        case "interactive":
            return try interactive(message.requiredObject("interactive"))
        case "button":
            let button = try message.requiredObject("button")
            let text = try button.requiredString("text")
            let payload = try button.string("payload") ?? text
            return .content(WhatsAppMessageContent(text: text, metadata: [WhatsAppInboundMessage.MetadataKey.payload: payload]))
        case "location":
            return .content(try location(message.requiredObject("location")))
        case "contacts":
            return .content(try contacts(message.requiredObjects("contacts")))
        case "reaction":
            let reaction = try message.requiredObject("reaction")
            let target = try reaction.string("message_id") ?? "an earlier message"
            let action = try reaction.string("emoji") == nil ? "removed a reaction from" : "reacted to"
            return .ignored("the customer \(action) \(target.prefix(80)); reactions are not answered")
        case "unsupported":
            let kind = try message.object("unsupported")?.string("type") ?? "unknown"
            let error = try message.objects("errors").first
            let code = try error?.identifier("code").map { ", WhatsApp error \($0)" } ?? ""
            return .ignored("a message type the Cloud API does not support (\(kind.prefix(40))\(code))")
        case "system":
            let body = try message.object("system")?.string("type") ?? "system"
            return .ignored("a WhatsApp system notice (\(body.prefix(40))), not a customer message")
        default:
            return .ignored("message type \"\(type.prefix(40))\" is not handled")
        }
    }

    private static func media(type: String, in media: MetaPayload) throws(WebhookError) -> WhatsAppMessageContent {
        let kind: Attachment.Kind = switch type {
        case "image": .image
        case "video": .video
        case "audio": .audio
        case "sticker": .sticker
        default: .file
        }
        let caption = try media.string("caption")
        let attachment = Attachment(
            kind: kind,
            url: try media.string("url"),
            providerMediaID: try media.requiredString("id"),
            mimeType: try media.string("mime_type"),
            filename: try media.string("filename"),
            caption: caption
        )
        return WhatsAppMessageContent(text: caption ?? "", attachments: [attachment])
    }

    private static func interactive(_ interactive: MetaPayload) throws(WebhookError) -> Outcome {
        let type = try interactive.requiredString("type")
        guard type == "button_reply" || type == "list_reply" else {
            return .ignored("interactive reply \"\(type.prefix(40))\" is not handled (only button_reply and list_reply)")
        }
        let reply = try interactive.requiredObject(type)
        let title = try reply.requiredString("title")
        let id = try reply.requiredString("id")
        return .content(WhatsAppMessageContent(text: title, metadata: [WhatsAppInboundMessage.MetadataKey.payload: id]))
    }

    /// A location: the text names it (name, address, coordinates); the attachment's URL is the
    /// place's URL when the customer shared one, else a `geo:` URI (RFC 5870).
    private static func location(_ location: MetaPayload) throws(WebhookError) -> WhatsAppMessageContent {
        let latitude = try location.requiredNumber("latitude")
        let longitude = try location.requiredNumber("longitude")
        guard (-90...90).contains(latitude), (-180...180).contains(longitude) else {
            throw WebhookError.malformed("\"\(location.path)\" must have a latitude from -90 to 90 and a longitude from -180 to 180")
        }
        let coordinates = "\(latitude),\(longitude)"
        let label = [try location.string("name"), try location.string("address")].compactMap { $0 }.joined(separator: ", ")
        let text = label.isEmpty ? "Location: \(coordinates)" : "Location: \(label) (\(coordinates))"
        let attachment = Attachment(kind: .location, url: try location.string("url") ?? "geo:\(coordinates)", caption: label.isEmpty ? nil : label)
        return WhatsAppMessageContent(text: text, attachments: [attachment])
    }

    /// Shared contact cards: one attachment each, captioned with the name and phone numbers.
    private static func contacts(_ cards: [MetaPayload]) throws(WebhookError) -> WhatsAppMessageContent {
        var lines: [String] = []
        var attachments: [Attachment] = []
        for card in cards {
            let name = try card.object("name")?.string("formatted_name") ?? "Unnamed contact"
            var details: [String] = []
            for phone in try card.objects("phones") {
                if let number = try phone.string("phone") { details.append(number) }
            }
            for email in try card.objects("emails") {
                if let address = try email.string("email") { details.append(address) }
            }
            let detailText = details.joined(separator: ", ")
            let line = detailText.isEmpty ? name : "\(name): \(detailText)"
            lines.append("Contact: \(line)")
            attachments.append(Attachment(kind: .contact, caption: line))
        }
        return WhatsAppMessageContent(text: lines.joined(separator: "\n"), attachments: attachments)
    }
}
