import ChannelKit
import Foundation

extension InboundEmail {
    /// The longest message text kept, in characters; longer text is cut with a note.
    public static let maxTextLength = 20_000

    /// What the email means to the gateway: a customer's message, or an ignored automatic email
    /// (see ``automaticReason(ownAddresses:)``) or one without a usable `From`.
    ///
    /// - Parameters:
    ///   - ownAddresses: the channel's own addresses, lower-cased (mail from them is a loop).
    ///   - now: the time to use when the `Date` header is absent or unreadable.
    public func event(ownAddresses: Set<String>, now: Date) -> InboundEvent {
        if let reason = automaticReason(ownAddresses: ownAddresses) {
            return .ignored(reason: reason)
        }
        guard let from else {
            return .ignored(reason: "the email has no valid From address to answer")
        }
        return .message(message(from: from, now: now))
    }

    /// The customer's message.
    ///
    /// - Provider message id: the `Message-ID` without angle brackets; for an email without one,
    ///   a hash of sender, date, subject and body (see ``MessageID/generated(from:date:subject:body:)``).
    /// - Thread key: the thread's root, the first id of `References`, else `In-Reply-To`, else
    ///   the message's own id, so that every reply in a thread lands in one conversation.
    /// - Text: what the customer wrote now (``EmailReplyExtractor``), from the text body or the
    ///   HTML one made plain. A message that starts a thread (no `References`, no `In-Reply-To`)
    ///   has its subject as first paragraph, since the subject often is the question; replies
    ///   have the subject only when their body is empty.
    func message(from: MailAddress, now: Date) -> InboundMessage {
        let ownID = MessageID.ids(in: headers["Message-ID"]).first
        let references = MessageID.ids(in: headers["References"])
        let inReplyTo = MessageID.ids(in: headers["In-Reply-To"])
        let body = bodyText
        let providerID = ownID ?? MessageID.generated(from: from.normalized, date: headers["Date"] ?? "", subject: subject, body: body)
        let startsThread = references.isEmpty && inReplyTo.isEmpty

        var metadata: [String: String] = [:]
        metadata[EmailMetadataKey.subject] = subject.isEmpty ? nil : subject
        metadata[EmailMetadataKey.messageID] = ownID
        let chain = MessageID.trimmed((references.isEmpty ? Array(inReplyTo.prefix(1)) : references) + [ownID].compactMap { $0 })
        metadata[EmailMetadataKey.references] = chain.isEmpty ? nil : chain.map(MessageID.bracketed).joined(separator: " ")
        metadata[EmailMetadataKey.to] = envelopeTo.first ?? to.first?.address
        if let replyTo, replyTo.normalized != from.normalized {
            metadata[EmailMetadataKey.replyTo] = replyTo.address
        }
        let attachments = listedAttachments
        metadata[EmailMetadataKey.attachments] = attachments.isEmpty ? nil : attachments.map(\.summary).joined(separator: "\n")
        metadata[EmailMetadataKey.spamScore] = spamScore
        metadata[EmailMetadataKey.spf] = spf

        let sent = headers["Date"].flatMap(MailDate.parse).map { min($0, now) } ?? now
        let name = from.displayName.flatMap { $0.contains("@") ? nil : $0 }
        return InboundMessage(
            providerMessageID: providerID,
            sender: Participant(channelUserID: from.normalized, displayName: name, email: from.normalized),
            threadKey: references.first ?? inReplyTo.first ?? providerID,
            text: Self.capped(messageText(body: body, startsThread: startsThread)),
            attachments: attachments.map(\.channelAttachment),
            timestamp: sent,
            metadata: metadata
        )
    }

    /// The body as plain text: the text part when it has any, else the HTML part made plain.
    var bodyText: String {
        if let text = content.text, !text.allSatisfy(\.isWhitespace) { return text }
        if let html = content.html { return HTMLText.plainText(html) }
        return ""
    }

    /// The attachments worth listing: all but the inline images the HTML body shows (`cid:`),
    /// which are logos and signatures far more often than content.
    var listedAttachments: [EmailAttachment] {
        let html = content.html ?? ""
        return content.attachments.filter { attachment in
            guard let contentID = attachment.contentID else { return true }
            return !html.contains("cid:\(contentID)")
        }
    }

    /// The visible reply, with the subject where it carries meaning (see ``message(from:now:)``).
    private func messageText(body: String, startsThread: Bool) -> String {
        let visible = body.isEmpty ? "" : EmailReplyExtractor.visibleReply(body)
        let topic = SubjectLine.base(of: subject)
        guard !topic.isEmpty else { return visible }
        if visible.isEmpty { return topic }
        guard startsThread, !visible.lowercased().hasPrefix(topic.lowercased()) else { return visible }
        return topic + "\n\n" + visible
    }

    private static func capped(_ text: String) -> String {
        guard text.count > maxTextLength else { return text }
        return String(text.prefix(maxTextLength)) + "\n[… the rest of the email was cut]"
    }
}
