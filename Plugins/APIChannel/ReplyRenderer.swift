import ChannelKit
import Foundation

/// Turns a reply into the signed requests the dispatcher POSTs to the integrator's callback URL.
struct ReplyRenderer {
    let settings: APIChannelSettings

    /// One request per part of the reply's text, split at ``APIChannelSettings/maxTextLength``.
    ///
    /// - Throws: a permanent ``SendFailure`` when the reply carries nothing to send.
    func requests(for reply: OutboundMessage, to conversation: ConversationAddress) throws(SendFailure) -> [ProviderRequest] {
        var texts = TextSplitter.split(reply.text, limit: settings.maxTextLength)
        if texts.isEmpty {
            guard !reply.attachments.isEmpty || !reply.quickReplies.isEmpty else {
                throw SendFailure(isRetryable: false, reason: "the reply has no text, attachments or quick replies")
            }
            texts = [""]
        }
        var requests: [ProviderRequest] = []
        requests.reserveCapacity(texts.count)
        for (offset, text) in texts.enumerated() {
            let number = offset + 1
            let isLast = number == texts.count
            let payload = ReplyPayload(
                id: texts.count == 1 ? reply.id : "\(reply.id)-\(number)",
                to: ReplyPayload.Recipient(id: conversation.recipient.channelUserID),
                thread: conversation.threadKey,
                text: text,
                inReplyTo: conversation.inReplyTo,
                quickReplies: isLast ? Self.quickReplies(reply.quickReplies) : nil,
                attachments: isLast ? Self.attachments(reply.attachments) : nil,
                part: number,
                parts: texts.count
            )
            requests.append(try request(for: payload))
        }
        return requests
    }

    private func request(for payload: ReplyPayload) throws(SendFailure) -> ProviderRequest {
        let body: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            body = try encoder.encode(payload)
        } catch {
            throw SendFailure(isRetryable: false, reason: "the reply could not be encoded as JSON")
        }
        let headers: HeaderFields = [
            "Content-Type": "application/json",
            APIChannelSignature.headerName: APIChannelSignature.headerValue(for: body, secret: settings.signingSecret),
            "Idempotency-Key": payload.id,
        ]
        return ProviderRequest(method: "POST", url: settings.callbackURL.absoluteString, headers: headers, body: body)
    }

    private static func quickReplies(_ quickReplies: [QuickReply]) -> [ReplyPayload.QuickReplyItem]? {
        guard !quickReplies.isEmpty else { return nil }
        return quickReplies.map { ReplyPayload.QuickReplyItem(title: $0.title, payload: $0.payload) }
    }

    private static func attachments(_ attachments: [Attachment]) -> [ReplyPayload.AttachmentItem]? {
        guard !attachments.isEmpty else { return nil }
        return attachments.map(ReplyPayload.AttachmentItem.init)
    }
}
