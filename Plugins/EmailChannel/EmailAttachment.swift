import ChannelKit

/// A file that came with an inbound email, as far as the channel keeps it: its name, type and
/// size. The content itself is not kept (the gateway has no media store for email).
public struct EmailAttachment: Hashable, Sendable {
    /// The file name, encoded-words decoded, if the sender gave one.
    public var filename: String?
    /// The MIME type, lower-cased (`application/pdf`).
    public var contentType: String
    /// The decoded size in bytes.
    public var size: Int
    /// The `Content-ID` an HTML body refers to it by (`cid:…`), if any.
    public var contentID: String?

    public init(filename: String?, contentType: String, size: Int, contentID: String? = nil) {
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.contentID = contentID
    }

    /// The attachment as ChannelKit lists it: kind, MIME type and file name, no URL.
    public var channelAttachment: Attachment {
        Attachment(kind: kind, mimeType: contentType, filename: filename)
    }

    /// What the attachment is, from its MIME type.
    public var kind: Attachment.Kind {
        let type = contentType.lowercased()
        if type.hasPrefix("image/") { return .image }
        if type.hasPrefix("audio/") { return .audio }
        if type.hasPrefix("video/") { return .video }
        if type.contains("vcard") { return .contact }
        return .file
    }

    /// A one-line description for metadata: `invoice.pdf (application/pdf, 48213 bytes)`.
    public var summary: String {
        "\(filename ?? "unnamed") (\(contentType), \(size) bytes)"
    }
}
