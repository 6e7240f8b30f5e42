import ChannelKit

extension Attachment {
    /// Reads an API-channel attachment object: `{"type", "url", "mimeType", "filename", "caption"}`.
    ///
    /// `type` is one of the ``Attachment/Kind`` raw values (`image`, `audio`, `video`, `file`,
    /// `sticker`, `location`, `contact`); any other value reads as ``Attachment/Kind/other``.
    init(apiChannelPayload object: PayloadObject) throws(WebhookError) {
        let type = try object.requiredString("type")
        self.init(
            kind: Kind(rawValue: type.lowercased()) ?? .other,
            url: try object.string("url"),
            mimeType: try object.string("mimeType"),
            filename: try object.string("filename"),
            caption: try object.string("caption")
        )
    }
}
