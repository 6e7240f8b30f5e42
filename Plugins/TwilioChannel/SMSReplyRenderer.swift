import ChannelKit

/// Shapes a reply as one Twilio message: plain text fitted to the segment budget, quick replies
/// as "Reply 1 for …, 2 for …" when they still fit, attachment URLs as MMS media.
struct SMSReplyRenderer: Sendable {
    let settings: SMSSettings
    let api: TwilioMessagesAPI

    /// The one request that sends `reply` (Twilio splits and rejoins the segments itself).
    ///
    /// - Throws: a permanent ``SendFailure`` when the conversation has no phone number or the
    ///   reply has neither text nor media URLs.
    func request(for reply: OutboundMessage, to conversation: ConversationAddress) throws(SendFailure) -> ProviderRequest {
        let to = conversation.threadKey.isEmpty ? (conversation.recipient.phone ?? "") : conversation.threadKey
        guard !to.isEmpty else {
            throw SendFailure(isRetryable: false, reason: "the conversation has no phone number to send the SMS to")
        }
        let mediaURLs = reply.attachments.compactMap(\.url).filter { !$0.isEmpty }.prefix(SMSWebhook.maxMedia)
        let body = text(for: reply)
        guard !body.isEmpty || !mediaURLs.isEmpty else {
            throw SendFailure(isRetryable: false, reason: "the reply has no text and no media URL to send by SMS")
        }
        return api.createMessage(to: to, body: body, mediaURLs: Array(mediaURLs))
    }

    /// The reply's text, plain and fitted to ``SMSSettings/maxSegments``, with its quick replies
    /// appended when they fit too.
    func text(for reply: OutboundMessage) -> String {
        let fitted = SMSSegments.fit(PlainText.from(markdown: reply.text), maxSegments: settings.maxSegments)
        guard !reply.quickReplies.isEmpty else { return fitted }
        let choices = reply.quickReplies.enumerated()
            .map { "\($0.offset + 1) for \(PlainText.from(markdown: $0.element.title))" }
            .joined(separator: ", ")
        let withChoices = (fitted.isEmpty ? "" : fitted + "\n") + "Reply \(choices)."
        return SMSSegments.count(withChoices).segments <= settings.maxSegments ? withChoices : fitted
    }
}
