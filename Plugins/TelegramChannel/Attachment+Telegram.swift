import ChannelKit

extension Attachment {
    /// The media of a Telegram Message object, with the message's caption on each.
    ///
    /// - `photo` (an array of sizes): the largest size, as an ``Attachment/Kind/image``;
    /// - `animation` (a GIF, which Telegram also describes as a `document`), `video`,
    ///   `video_note`: ``Attachment/Kind/video``;
    /// - `document`: ``Attachment/Kind/file``; `voice`, `audio`: ``Attachment/Kind/audio``;
    ///   `sticker`: ``Attachment/Kind/sticker``;
    /// - `location` or `venue`: ``Attachment/Kind/location`` with a `geo:<lat>,<long>` URL and the
    ///   venue's name and address as caption;
    /// - `contact`: ``Attachment/Kind/contact`` with a `tel:` URL and the contact's name as caption.
    ///
    /// Files carry their Telegram `file_id` as ``Attachment/providerMediaID`` (fetched later with
    /// `getFile`).
    static func telegramAttachments(in message: TelegramObject) throws(WebhookError) -> [Attachment] {
        let caption = try message.string("caption")
        var attachments: [Attachment] = []
        if let photo = try largestPhoto(in: message) {
            attachments.append(Attachment(kind: .image, providerMediaID: try photo.requiredString("file_id"), mimeType: "image/jpeg", caption: caption))
        }
        if let animation = try message.object("animation") {
            attachments.append(try file(animation, kind: .video, caption: caption))
        } else if let document = try message.object("document") {
            attachments.append(try file(document, kind: .file, caption: caption))
        }
        let media: [(key: String, kind: Kind, mimeType: String?)] = [
            ("video", .video, nil), ("video_note", .video, "video/mp4"),
            ("voice", .audio, "audio/ogg"), ("audio", .audio, nil), ("sticker", .sticker, nil),
        ]
        for item in media {
            if let object = try message.object(item.key) {
                attachments.append(try file(object, kind: item.kind, caption: caption, defaultMimeType: item.mimeType))
            }
        }
        if let place = try location(in: message) {
            attachments.append(place)
        }
        if let contact = try message.object("contact") {
            attachments.append(try telegramContact(contact))
        }
        return attachments
    }

    /// The largest of a message's photo sizes (by pixels; the last one on a tie).
    private static func largestPhoto(in message: TelegramObject) throws(WebhookError) -> TelegramObject? {
        var largest: (photo: TelegramObject, pixels: Int64)?
        for size in try message.objects("photo") {
            let width = try size.int("width") ?? 0
            let height = try size.int("height") ?? 0
            let pixels = width.multipliedReportingOverflow(by: height)
            let area = pixels.overflow ? Int64.max : pixels.partialValue
            if largest == nil || area >= (largest?.pixels ?? 0) {
                largest = (size, area)
            }
        }
        return largest?.photo
    }

    /// A file object (`document`, `voice`…): `{"file_id", "mime_type", "file_name"}`.
    private static func file(
        _ object: TelegramObject,
        kind: Kind,
        caption: String?,
        defaultMimeType: String? = nil
    ) throws(WebhookError) -> Attachment {
        Attachment(
            kind: kind,
            providerMediaID: try object.requiredString("file_id"),
            mimeType: try object.string("mime_type") ?? defaultMimeType,
            filename: try object.string("file_name"),
            caption: caption
        )
    }

    /// A `venue` (a named place, which also carries its `location`) or a bare `location`.
    private static func location(in message: TelegramObject) throws(WebhookError) -> Attachment? {
        if let venue = try message.object("venue") {
            let point = try venue.requiredObject("location")
            let label = [try venue.string("title"), try venue.string("address")].compactMap { $0 }.joined(separator: ", ")
            return Attachment(kind: .location, url: try geoURI(point), caption: label.isEmpty ? nil : label)
        }
        guard let point = try message.object("location") else { return nil }
        return Attachment(kind: .location, url: try geoURI(point))
    }

    /// `geo:<latitude>,<longitude>` (RFC 5870) from a Location object.
    private static func geoURI(_ location: TelegramObject) throws(WebhookError) -> String {
        let latitude = try location.requiredDouble("latitude")
        let longitude = try location.requiredDouble("longitude")
        guard (-90...90).contains(latitude) else {
            throw WebhookError.malformed("\"\(location.path(of: "latitude"))\" must be between -90 and 90")
        }
        guard (-180...180).contains(longitude) else {
            throw WebhookError.malformed("\"\(location.path(of: "longitude"))\" must be between -180 and 180")
        }
        return "geo:\(latitude),\(longitude)"
    }

    /// A Contact object: `{"phone_number", "first_name", "last_name", "user_id", "vcard"}`.
    private static func telegramContact(_ contact: TelegramObject) throws(WebhookError) -> Attachment {
        let phone = Participant.telegramPhone(try contact.requiredString("phone_number"))
        let name = [try contact.string("first_name"), try contact.string("last_name")].compactMap { $0 }.joined(separator: " ")
        return Attachment(kind: .contact, url: "tel:\(phone)", caption: name.isEmpty ? nil : name)
    }
}
