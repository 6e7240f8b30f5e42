/// What a reader takes from a MIME message: its text and HTML bodies and the files attached.
public struct MailContent: Hashable, Sendable {
    /// The plain-text body (inline `text/plain` parts joined), if the message has one.
    public var text: String?
    /// The HTML body (inline `text/html` parts joined), if the message has one.
    public var html: String?
    /// Files attached, inline images an HTML body shows included (see ``EmailAttachment/contentID``).
    public var attachments: [EmailAttachment]
    /// Whether the message is a report (`multipart/report`): a delivery status notification
    /// (bounce), a read receipt or an abuse report, never a person writing.
    public var isReport: Bool

    public init(text: String? = nil, html: String? = nil, attachments: [EmailAttachment] = [], isReport: Bool = false) {
        self.text = text
        self.html = html
        self.attachments = attachments
        self.isReport = isReport
    }
}
