import AsyncHTTPClient
import Brain
import ChannelKit
import Foundation
import Logging
import ServiceLifecycle

/// Long-polls a provider for a channel configured to poll (Telegram `getUpdates`) instead of
/// receiving webhooks, so the gateway runs on a laptop without a public URL.
///
/// Each batch goes into the inbox (deduped by provider message id) before the cursor advances,
/// and the cursor is stored in the database: a restart neither loses nor repeats an update.
/// Failures back off exponentially (1 s doubling to a minute) and honour `Retry-After`.
struct ChannelPoller: Service {
    let adapter: any PollingChannelAdapter
    let store: SQLiteStore
    let client: HTTPClient
    let inboxSignal: WorkSignal
    let reports: ProviderReports
    let metrics: GatewayMetrics
    let logger: Logger
    /// How long the provider holds a poll open when there is nothing new.
    var longPoll: Duration = .seconds(25)

    func run() async throws {
        let channel = adapter.ref
        var cursor = try await store.cursor(channelID: channel.channelID, tenantID: channel.tenantID)
        var failures = 0
        logger.info("polling for updates", metadata: ["cursor": "\(cursor ?? "none")"])
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            let request = adapter.pollRequest(after: cursor, timeout: longPoll)
            // On graceful shutdown the poll is cancelled; the loop then ends.
            let result = await cancelWhenGracefulShutdown {
                await ProviderClient(client: client, timeout: longPoll + .seconds(10)).send(request)
            }
            if Task.isShuttingDownGracefully { break }
            do {
                let poll = try outcome(of: result)
                try await accept(poll.events)
                if let next = poll.nextCursor, next != cursor {
                    try await store.saveCursor(next, channelID: channel.channelID, tenantID: channel.tenantID)
                    cursor = next
                }
                failures = 0
            } catch {
                failures += 1
                let backoff = min(Duration.seconds(1) * (1 << min(failures - 1, 6)), .seconds(60))
                let wait = max(backoff, error.retryAfter ?? .zero)
                logger.warning("poll failed; retrying", metadata: ["reason": "\(error)", "retry_in": "\(wait)"])
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) }
            }
        }
        logger.info("poller stopped")
    }

    private func outcome(of result: ProviderCallResult) throws(SendFailure) -> PollResult {
        switch result {
        case .response(let response):
            return try adapter.parsePollResponse(response)
        case .notSent(let reason), .maybeSent(let reason):
            throw SendFailure(isRetryable: true, reason: reason)
        }
    }

    /// Stores messages (deduped) and applies the provider's other reports, before the cursor moves past them.
    private func accept(_ events: [InboundEvent]) async throws {
        let messages = try await reports.apply(events, channel: adapter.ref, logger: logger)
        guard !messages.isEmpty else { return }
        let results = try await store.acceptInbound(messages, on: adapter.ref, requestID: nil)
        let accepted = results.count { if case .accepted = $0 { true } else { false } }
        metrics.recordWebhook(.accepted, count: accepted)
        metrics.recordWebhook(.duplicate, count: results.count - accepted)
        if accepted > 0 { inboxSignal.notify() }
    }
}

extension Error {
    /// The delay a provider asked for, when the error carries one.
    var retryAfter: Duration? { (self as? SendFailure)?.retryAfter }
}
