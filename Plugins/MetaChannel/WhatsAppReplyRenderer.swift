import ChannelKit
import Foundation

/// Turns a reply into the requests that send it on WhatsApp.
///
/// Inside the 24-hour customer service window: one media message per attachment WhatsApp can
/// carry, then the text split at `maxTextLength`, the quick replies (``WhatsAppQuickReplyLayout``)
/// on the last text part, and `context.message_id` (the message answered) on the first request.
/// Outside the window: the configured template alone, or a permanent failure saying why.
struct WhatsAppReplyRenderer {
    /// The failure stored when the window is closed and no template is configured.
    static let closedWindowReason = "outside WhatsApp's 24-hour customer service window and no template is configured"

    let settings: WhatsAppSettings
    let now: Date

    func requests(for reply: OutboundMessage, to conversation: ConversationAddress) throws(SendFailure) -> [ProviderRequest] {
        let recipient = conversation.recipient.channelUserID
        guard !recipient.isEmpty else {
            throw SendFailure(isRetryable: false, reason: "the conversation has no WhatsApp user id to send to")
        }
        guard ReplyWindow.twentyFourHours.isOpen(lastInboundAt: conversation.lastInboundAt, now: now) else {
            guard let template = settings.template else {
                throw SendFailure(isRetryable: false, reason: Self.closedWindowReason)
            }
            return [try post(.template(template, to: recipient))]
        }
        var bodies = reply.attachments.compactMap { WhatsAppMessageBody.media($0, to: recipient) }
        bodies.append(contentsOf: textBodies(for: reply, to: recipient))
        guard !bodies.isEmpty else {
            throw SendFailure(isRetryable: false, reason: "the reply has no text or attachments WhatsApp can carry")
        }
        if let inReplyTo = conversation.inReplyTo, !inReplyTo.isEmpty {
            bodies[0].context = WhatsAppMessageBody.Context(messageID: inReplyTo)
        }
        var requests: [ProviderRequest] = []
        requests.reserveCapacity(bodies.count)
        for body in bodies {
            requests.append(try post(body))
        }
        return requests
    }

    /// The text parts, the last carrying the quick replies as buttons or a list when they fit.
    private func textBodies(for reply: OutboundMessage, to recipient: String) -> [WhatsAppMessageBody] {
        var layout = WhatsAppQuickReplyLayout.choose(for: reply.quickReplies)
        var text = reply.text
        let blank = text.allSatisfy(\.isWhitespace)
        // An interactive message needs a body: without text the options are written out instead.
        if layout == .numberedText || (layout != .none && blank) {
            text = NumberedOptions.appending(reply.quickReplies, to: text)
            layout = .none
        }
        var parts = TextSplitter.split(text, limit: settings.maxTextLength)
        guard layout != .none, let last = parts.popLast() else {
            return parts.map { .text($0, to: recipient) }
        }
        // An interactive body holds fewer characters than a text message.
        var lastParts = TextSplitter.split(last, limit: WhatsAppLimits.maxInteractiveBodyLength)
        let body = lastParts.popLast() ?? last
        parts.append(contentsOf: lastParts)
        var bodies = parts.map { WhatsAppMessageBody.text($0, to: recipient) }
        let interactive: WhatsAppInteractive = layout == .buttons
            ? .buttons(reply.quickReplies, body: body)
            : .list(reply.quickReplies, body: body, buttonText: settings.listButtonText)
        bodies.append(.interactive(interactive, to: recipient))
        return bodies
    }

    private func post(_ body: WhatsAppMessageBody) throws(SendFailure) -> ProviderRequest {
        try settings.app.graph.postMessage(body, to: settings.phoneNumberID)
    }
}
