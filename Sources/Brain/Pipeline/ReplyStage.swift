import ChannelKit
import Foundation

/// Turns the answer decision into the stored result: the reply to queue and the conversation's
/// new owner.
public struct ReplyStage: Sendable {
    public init() {}

    public func result(
        for decision: AnswerDecision,
        item: InboxItem,
        customerID: String,
        conversation: ConversationRecord
    ) -> ProcessedMessage {
        let address = ConversationAddress(
            recipient: item.message.sender,
            threadKey: item.message.threadKey,
            inReplyTo: item.message.providerMessageID
        )
        var processed = ProcessedMessage(item: item, customerID: customerID, conversation: conversation)
        switch decision {
        case .answer(let answer):
            processed.reply = PlannedReply(
                message: OutboundMessage(id: Self.newMessageID(), text: answer.text),
                address: address, author: .assistant, source: answer.source
            )
        case .handoff(let text):
            processed.newStatus = .waiting
            processed.reply = PlannedReply(
                message: OutboundMessage(id: Self.newMessageID(), text: text),
                address: address, author: .system, source: "handoff"
            )
        case .silent:
            break
        }
        return processed
    }

    static func newMessageID() -> String {
        "msg_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }
}
