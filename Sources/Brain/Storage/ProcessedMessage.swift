import ChannelKit

/// Everything the pipeline decided about one inbox item, written in one transaction so a crash
/// either keeps all of it or none (and the item is processed again).
public struct ProcessedMessage: Sendable {
    public var item: InboxItem
    public var customerID: String
    public var conversation: ConversationRecord
    /// The conversation's new owner, when the pipeline changed it (a handoff).
    public var newStatus: ConversationStatus?
    /// The reply to queue, if any.
    public var reply: PlannedReply?
    /// Why a guard blocked the message (it is stored, not answered), if it did.
    public var blockedReason: String?
    /// The conversation's count of consecutive questions the assistant could not answer, when
    /// the pipeline changed it.
    public var unansweredCount: Int?
    /// The reply travels in the webhook's own response (voice), so it is recorded as sent rather
    /// than queued for the dispatcher.
    public var deliveredInline = false

    public init(
        item: InboxItem,
        customerID: String,
        conversation: ConversationRecord,
        newStatus: ConversationStatus? = nil,
        reply: PlannedReply? = nil,
        blockedReason: String? = nil,
        unansweredCount: Int? = nil
    ) {
        self.item = item
        self.customerID = customerID
        self.conversation = conversation
        self.newStatus = newStatus
        self.reply = reply
        self.blockedReason = blockedReason
        self.unansweredCount = unansweredCount
    }
}

/// A reply the pipeline wants sent, before the channel shapes it.
public struct PlannedReply: Sendable, Hashable {
    public var message: OutboundMessage
    public var address: ConversationAddress
    public var author: MessageRecord.Author
    /// Where the answer came from (`knowledge_base:<entry id>`, `handoff`).
    public var source: String

    public init(message: OutboundMessage, address: ConversationAddress, author: MessageRecord.Author, source: String) {
        self.message = message
        self.address = address
        self.author = author
        self.source = source
    }
}
