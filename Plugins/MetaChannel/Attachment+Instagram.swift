import ChannelKit

extension Attachment {
    /// Reads one element of an Instagram message's `attachments`: `{"type", "payload": {"url"}}`.
    ///
    /// `image`, `video`, `audio` and `file` keep their kind; reels (`ig_reel`, `reel`) read as
    /// video; shared posts (`share`, `ig_post`), story mentions (`story_mention`) and any other
    /// type read as ``Attachment/Kind/other``, with the CDN URL Instagram gave (story URLs expire
    /// with the story).
    init(instagram object: MetaPayload) throws(WebhookError) {
        let type = try object.requiredString("type")
        let payload = try object.object("payload")
        let kind: Kind = switch type {
        case "image": .image
        case "video", "ig_reel", "reel": .video
        case "audio": .audio
        case "file": .file
        default: .other
        }
        self.init(
            kind: kind,
            url: try payload?.string("url"),
            caption: try payload?.string("title")
        )
    }
}
