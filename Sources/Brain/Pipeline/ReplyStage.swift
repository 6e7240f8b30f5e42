import ChannelKit
import Foundation

/// Turns the stages' decisions into the stored result: the reply to queue and what changes on
/// the conversation.
public struct ReplyStage: Sendable {
    public init() {}

    /// The result for an answered (or handed-off, or silent) message.
    public func result(for answer: AnswerResult, item: InboxItem, identified: Identified) -> ProcessedMessage {
        var processed = ProcessedMessage(
            item: item, customerID: identified.customer.id, conversation: identified.conversation,
            unansweredCount: answer.unansweredCount
        )
        switch answer.decision {
        case .answer(let response):
            let intent: ReplyIntent = response.source == Self.closingSource ? .closing : .answer
            processed.reply = reply(response.text, to: item, author: .assistant, source: response.source, intent: intent)
        case .handoff(let text, _):
            processed.newStatus = .waiting
            processed.reply = reply(text, to: item, author: .system, source: "handoff", intent: .handoff)
        case .silent:
            break
        }
        return processed
    }

    /// The result for a message a guard blocked: stored with the reason, answered at most with
    /// the tenant's notice.
    public func result(blockedBy reason: String, notice: String?, item: InboxItem, identified: Identified) -> ProcessedMessage {
        var processed = ProcessedMessage(
            item: item, customerID: identified.customer.id, conversation: identified.conversation, blockedReason: reason
        )
        if let notice, !identified.conversation.status.isHumanOwned {
            processed.reply = reply(notice, to: item, author: .system, source: "guard:\(reason)", intent: .notice)
        }
        return processed
    }

    /// The answer source of a farewell the channel scripted (``InboundMetadataKey/closingReply``).
    public static let closingSource = "closing"

    private func reply(_ text: String, to item: InboxItem, author: MessageRecord.Author, source: String, intent: ReplyIntent) -> PlannedReply {
        PlannedReply(
            message: OutboundMessage(id: Self.newMessageID(), text: text, intent: intent),
            address: ConversationAddress(
                recipient: item.message.sender, threadKey: item.message.threadKey, inReplyTo: item.message.providerMessageID,
                context: item.message.metadata
            ),
            author: author,
            source: source
        )
    }

    static func newMessageID() -> String {
        "msg_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }
}
