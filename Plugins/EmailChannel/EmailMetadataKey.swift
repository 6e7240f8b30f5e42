/// The keys of ``ChannelKit/InboundMessage/metadata`` the email adapter fills in. The reply to a
/// message gets them back as ``ChannelKit/ConversationAddress/context`` and threads with them.
public enum EmailMetadataKey {
    /// The subject, encoded-words decoded; the reply's subject is "Re: " and this.
    public static let subject = "email.subject"
    /// The message's `Message-ID` without angle brackets, when it has one; the reply's
    /// `In-Reply-To`.
    public static let messageID = "email.messageID"
    /// The message's `References` followed by its own `Message-ID`, each in angle brackets,
    /// space-separated (the first and the latest 19 kept): the reply's `References`.
    public static let references = "email.references"
    /// The address the email was delivered to (the SMTP envelope recipient on the Inbound Parse
    /// host, else the first `To`).
    public static let to = "email.to"
    /// The sender's `Reply-To` address, when it differs from `From`: where the reply goes.
    public static let replyTo = "email.replyTo"
    /// The attachments, one per line: `invoice.pdf (application/pdf, 48213 bytes)`. Their content
    /// is not kept.
    public static let attachments = "email.attachments"
    /// SendGrid's SpamAssassin score, when spam checking is on.
    public static let spamScore = "email.spamScore"
    /// SendGrid's SPF result (`pass`, `softfail`, `fail`…).
    public static let spf = "email.spf"
}
