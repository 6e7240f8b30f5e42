import ChannelKit
import Foundation

/// Turns a reply into the requests that send it on Instagram.
///
/// Inside the 24-hour window: one media message per attachment with a URL (image, video, audio,
/// file), then the text split at `maxTextLength` characters and 1000 UTF-8 bytes, with up to 13
/// quick replies (titles cut to 20 characters) on the last part; more than 13 are written out as a
/// numbered list. Outside the window the reply fails for good: Instagram has no templates, and the
/// `HUMAN_AGENT` tag is for people, never the assistant.
struct InstagramReplyRenderer {
    /// The failure stored when the window is closed.
    static let closedWindowReason = "outside Instagram's 24-hour messaging window; Instagram has no message templates, so only the customer writing again reopens it"

    let settings: InstagramSettings
    let now: Date

    func requests(for reply: OutboundMessage, to conversation: ConversationAddress) throws(SendFailure) -> [ProviderRequest] {
        let recipient = conversation.recipient.channelUserID
        guard !recipient.isEmpty else {
            throw SendFailure(isRetryable: false, reason: "the conversation has no Instagram-scoped user id to send to")
        }
        guard ReplyWindow.twentyFourHours.isOpen(lastInboundAt: conversation.lastInboundAt, now: now) else {
            throw SendFailure(isRetryable: false, reason: Self.closedWindowReason)
        }
        var bodies = reply.attachments.compactMap { InstagramMessageBody.media($0, to: recipient) }
        bodies.append(contentsOf: textBodies(for: reply, to: recipient))
        guard !bodies.isEmpty else {
            throw SendFailure(isRetryable: false, reason: "the reply has no text or attachments Instagram can carry")
        }
        var requests: [ProviderRequest] = []
        requests.reserveCapacity(bodies.count)
        for body in bodies {
            requests.append(try settings.app.graph.postMessage(body, to: settings.igUserID))
        }
        return requests
    }

    private func textBodies(for reply: OutboundMessage, to recipient: String) -> [InstagramMessageBody] {
        var text = reply.text
        var quickReplies = Self.quickReplyItems(reply.quickReplies)
        // Quick replies need a prompt; without text, or when there are too many, they are written out.
        if !reply.quickReplies.isEmpty && (quickReplies == nil || text.allSatisfy(\.isWhitespace)) {
            text = NumberedOptions.appending(reply.quickReplies, to: text)
            quickReplies = nil
        }
        let parts = ByteLimitedSplitter.split(text, characterLimit: settings.maxTextLength, byteLimit: InstagramLimits.maxTextBytes)
        return parts.enumerated().map { offset, part in
            .text(part, quickReplies: offset == parts.count - 1 ? quickReplies : nil, to: recipient)
        }
    }

    /// The quick replies as Instagram items, or nil when there are none or more than 13.
    private static func quickReplyItems(_ quickReplies: [QuickReply]) -> [InstagramMessageBody.QuickReplyItem]? {
        guard !quickReplies.isEmpty, quickReplies.count <= InstagramLimits.maxQuickReplies,
              quickReplies.allSatisfy({ !$0.title.allSatisfy(\.isWhitespace) && !$0.payload.isEmpty }) else { return nil }
        return quickReplies.map { InstagramMessageBody.QuickReplyItem(title: shortened($0.title), payload: $0.payload) }
    }

    /// The title cut to Instagram's 20 characters, ending in "…" when cut.
    private static func shortened(_ title: String) -> String {
        let limit = InstagramLimits.maxQuickReplyTitleLength
        return title.count <= limit ? title : String(title.prefix(limit - 1)) + "…"
    }
}
