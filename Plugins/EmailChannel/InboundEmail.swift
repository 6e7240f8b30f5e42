/// An email received through SendGrid's Inbound Parse, as the channel reads it from either of
/// Inbound Parse's modes (parsed fields, or the raw MIME message in the `email` field).
public struct InboundEmail: Hashable, Sendable {
    /// The message's header fields.
    public var headers: MailHeaders
    /// The sender (`From`).
    public var from: MailAddress?
    /// Where the sender wants replies (`Reply-To`), if that is set.
    public var replyTo: MailAddress?
    /// The recipients (`To`).
    public var to: [MailAddress]
    /// The subject, encoded-words decoded.
    public var subject: String
    /// The bodies and attachments.
    public var content: MailContent
    /// The SMTP envelope's sender: nil when unknown, empty for the null sender `<>` that
    /// delivery reports use.
    public var envelopeFrom: String?
    /// The SMTP envelope's recipients: the addresses on the Inbound Parse host it was delivered to.
    public var envelopeTo: [String]
    /// SpamAssassin's score, when spam checking is on for the Inbound Parse host.
    public var spamScore: String?
    /// The SPF result SendGrid reports (`pass`, `softfail`…).
    public var spf: String?

    public init(
        headers: MailHeaders, from: MailAddress?, replyTo: MailAddress? = nil, to: [MailAddress] = [], subject: String,
        content: MailContent, envelopeFrom: String? = nil, envelopeTo: [String] = [], spamScore: String? = nil, spf: String? = nil
    ) {
        self.headers = headers
        self.from = from
        self.replyTo = replyTo
        self.to = to
        self.subject = subject
        self.content = content
        self.envelopeFrom = envelopeFrom
        self.envelopeTo = envelopeTo
        self.spamScore = spamScore
        self.spf = spf
    }
}
