import Foundation

/// What a channel has done, for the admin API: last traffic each way and the counts a business
/// watches for trouble.
public struct ChannelActivity: Sendable, Hashable {
    public var lastInboundAt: Date?
    public var lastOutboundAt: Date?
    /// Messages accepted from the channel.
    public var received: Int
    /// Replies delivered to the provider.
    public var sent: Int
    /// Replies waiting in the outbox (new, retrying, or held while the channel is paused).
    public var pending: Int
    /// Replies given up on (dead letters).
    public var failed: Int
    /// Replies that may or may not have reached the provider (not resent).
    public var uncertain: Int
    /// Inbound messages whose processing failed for good.
    public var processingFailures: Int

    public static let none = ChannelActivity(
        lastInboundAt: nil, lastOutboundAt: nil, received: 0, sent: 0, pending: 0, failed: 0, uncertain: 0, processingFailures: 0
    )
}

/// A channel an admin paused: it still receives and stores messages, but its replies wait in
/// the outbox until it is resumed.
public struct ChannelPause: Sendable, Hashable {
    public var channelID: String
    public var pausedBy: String
    public var pausedAt: Date

    public init(channelID: String, pausedBy: String, pausedAt: Date) {
        self.channelID = channelID
        self.pausedBy = pausedBy
        self.pausedAt = pausedAt
    }
}
