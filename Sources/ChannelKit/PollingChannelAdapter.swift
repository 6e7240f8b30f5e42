/// What one poll of a provider returned.
public struct PollResult: Sendable, Hashable {
    public var events: [InboundEvent]
    /// Where the next poll starts (Telegram: the last `update_id` + 1); nil keeps the old one.
    /// The gateway stores it only after the events are in the inbox, so a restart neither loses
    /// nor repeats an update.
    public var nextCursor: String?

    public init(events: [InboundEvent], nextCursor: String?) {
        self.events = events
        self.nextCursor = nextCursor
    }
}

/// An adapter whose provider can be polled for new messages instead of calling a webhook
/// (Telegram's `getUpdates`), so a developer can run the gateway without a public URL.
public protocol PollingChannelAdapter: ChannelAdapter {
    /// Whether this channel is configured to poll (otherwise it receives webhooks).
    var pollsForUpdates: Bool { get }
    /// The request that waits up to `timeout` for updates after `cursor`.
    func pollRequest(after cursor: String?, timeout: Duration) -> ProviderRequest
    /// Reads the provider's answer to a poll. A retryable failure is retried with backoff.
    func parsePollResponse(_ response: ProviderResponse) throws(SendFailure) -> PollResult
}

/// An adapter that can tell its provider where to send webhooks (Telegram's `setWebhook`), for
/// `gateway channels register <channelId>`.
public protocol WebhookRegisteringAdapter: ChannelAdapter {
    /// The requests that register `webhookURL` (the gateway's public URL + `/webhooks/{id}`).
    func registrationRequests(webhookURL: String) -> [ProviderRequest]
}
