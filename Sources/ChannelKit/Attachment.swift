/// A non-text part of a message: media, a file, a location.
///
/// Providers either give a URL (Twilio, SendGrid) or an id to fetch the media with later
/// (Telegram file ids, WhatsApp media ids); whichever the provider gave is kept.
public struct Attachment: Hashable, Codable, Sendable {
    /// What the attachment is.
    public enum Kind: String, Codable, Sendable {
        case image, audio, video, file, sticker, location, contact, other
    }

    public var kind: Kind
    /// Where the media can be fetched, if the provider gave a URL.
    public var url: String?
    /// The provider's id for the media, if it gave one instead of (or besides) a URL.
    public var providerMediaID: String?
    /// The MIME type, if known.
    public var mimeType: String?
    /// A file name, if known.
    public var filename: String?
    /// A caption the sender wrote for this attachment.
    public var caption: String?

    public init(
        kind: Kind,
        url: String? = nil,
        providerMediaID: String? = nil,
        mimeType: String? = nil,
        filename: String? = nil,
        caption: String? = nil
    ) {
        self.kind = kind
        self.url = url
        self.providerMediaID = providerMediaID
        self.mimeType = mimeType
        self.filename = filename
        self.caption = caption
    }
}
