import ChannelKit

/// An accepted inbound message waiting for (or in) the conversation pipeline.
public struct InboxItem: Sendable, Hashable {
    /// The inbox row's id; rows are processed in id order per conversation.
    public var id: Int64
    public var channel: ChannelRef
    public var message: InboundMessage
    /// How many times processing has started, this one included.
    public var attempts: Int
    /// The id of the HTTP request that delivered it, for log correlation.
    public var requestID: String?
    /// The address the request came from (per-IP limits for senders not yet known).
    public var remoteAddress: String?

    public init(id: Int64, channel: ChannelRef, message: InboundMessage, attempts: Int, requestID: String?, remoteAddress: String? = nil) {
        self.id = id
        self.channel = channel
        self.message = message
        self.attempts = attempts
        self.requestID = requestID
        self.remoteAddress = remoteAddress
    }
}

/// What happened to an inbound message offered to the inbox.
public enum InboxAcceptance: Sendable, Hashable {
    /// Stored; the pipeline will process it.
    case accepted(id: Int64)
    /// Already stored earlier (a provider retry); nothing new happens.
    case duplicate
}
