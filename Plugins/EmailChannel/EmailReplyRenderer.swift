import ChannelKit
import Foundation

/// Shapes a reply as one SendGrid email: to the customer (or the `Reply-To` they asked for),
/// "Re: " and the subject they wrote, threaded under their message with `In-Reply-To` and
/// `References`, the text with greeting and sign-off and its HTML alternative, and the gateway's
/// reply id in `custom_args`.
struct EmailReplyRenderer: Sendable {
    let settings: EmailSettings
    let api: SendGridMailSendAPI
    let channelID: String

    /// The one request that sends `reply`.
    ///
    /// - Throws: a permanent ``SendFailure`` when the conversation has no email address or the
    ///   reply has nothing to say.
    func request(for reply: OutboundMessage, to conversation: ConversationAddress) throws(SendFailure) -> ProviderRequest {
        guard let recipient = recipient(of: conversation) else {
            throw SendFailure(isRetryable: false, reason: "the conversation has no email address to send the reply to")
        }
        guard !reply.text.allSatisfy(\.isWhitespace) || !reply.quickReplies.isEmpty || reply.attachments.contains(where: { $0.url != nil }) else {
            throw SendFailure(isRetryable: false, reason: "the reply has no text to send by email")
        }
        let greetingName = EmailReplyText.greetingName(conversation.recipient.displayName)
        let text = EmailReplyText(settings: settings).compose(reply, recipientName: greetingName)
        var headers = threadingHeaders(for: conversation)
        if reply.intent == .notice {
            // RFC 3834: a notice is automatic; auto-responders must not answer it.
            headers["Auto-Submitted"] = "auto-replied"
        }
        let mail = SendGridMail(
            personalizations: [SendGridMail.Personalization(to: [SendGridMail.Address(email: recipient.email, name: recipient.name)])],
            from: SendGridMail.Address(email: settings.fromAddress, name: settings.fromName),
            replyTo: settings.replyToAddress.map { SendGridMail.Address(email: $0, name: settings.fromName) },
            subject: SubjectLine.reply(to: conversation.context[EmailMetadataKey.subject]),
            content: [
                SendGridMail.Content(type: "text/plain", value: text),
                SendGridMail.Content(type: "text/html", value: EmailHTML.render(text)),
            ],
            headers: headers.isEmpty ? nil : headers,
            customArgs: [EmailCustomArg.messageID: reply.id, EmailCustomArg.channelID: channelID]
        )
        return try api.send(mail)
    }

    /// The address to write to: the `Reply-To` the customer's email asked for, else their address.
    /// The name goes along only with their own address; SendGrid mangles recipient names with
    /// commas or semicolons, so those are left out of it.
    func recipient(of conversation: ConversationAddress) -> (email: String, name: String?)? {
        if let replyTo = conversation.context[EmailMetadataKey.replyTo], MailAddress.isValid(replyTo) {
            return (replyTo, nil)
        }
        let candidates = [conversation.recipient.email, conversation.recipient.channelUserID]
        guard let email = candidates.compactMap({ $0 }).first(where: MailAddress.isValid) else { return nil }
        let name = EmailReplyText.greetingName(conversation.recipient.displayName)
            .map { $0.filter { !",;\"\r\n".contains($0) } }
            .flatMap { $0.isEmpty ? nil : $0 }
        return (email, name)
    }

    /// `In-Reply-To` (the message answered) and `References` (its chain and its id), in angle
    /// brackets, from the conversation's context, else from its `inReplyTo`.
    func threadingHeaders(for conversation: ConversationAddress) -> [String: String] {
        let parent = [conversation.context[EmailMetadataKey.messageID], conversation.inReplyTo]
            .compactMap { $0 }
            .first(where: MessageID.isHeaderSafe)
        guard let parent else { return [:] }
        var references = MessageID.ids(in: conversation.context[EmailMetadataKey.references]).filter(MessageID.isHeaderSafe)
        if references.last != parent {
            references.removeAll { $0 == parent }
            references.append(parent)
        }
        return [
            "In-Reply-To": MessageID.bracketed(parent),
            "References": MessageID.trimmed(references).map(MessageID.bracketed).joined(separator: " "),
        ]
    }
}
