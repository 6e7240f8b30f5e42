import AsyncHTTPClient
import Brain
import ChannelKit
import Foundation
import Logging
import ServiceLifecycle

/// Sends the outbox: renders each reply with its channel's adapter, sends the parts in order,
/// retries with backoff, dead-letters what cannot succeed, and never blindly resends a reply
/// the provider may already have.
///
/// On start, rows a stopped gateway left mid-send become `uncertain`. On graceful shutdown it
/// finishes the sends in hand and stops; pending rows stay in the outbox for the next start.
struct OutboundDispatcher: Service {
    let store: SQLiteStore
    let channels: ChannelRegistry
    /// Shared, owned (and shut down) by an ``HTTPClientService`` that stops after this one.
    let client: HTTPClient
    let signal: WorkSignal
    let settings: DispatcherSettings
    let metrics: GatewayMetrics
    let ledger: BudgetLedger
    let pricing: Pricing
    /// Where replies of live-connection channels (web chat) are pushed.
    let hub: WebChatHub?
    /// Channels an admin paused: their replies wait.
    let pauses: ChannelPauses
    let logger: Logger

    func run() async throws {
        let liveChannels = channels.all.filter { $0.adapter?.capabilities.deliveryMode == .liveConnection }.map(\.ref.channelID)
        let interrupted = try await store.resolveInterruptedOutbox(requeueing: liveChannels)
        if interrupted > 0 {
            logger.warning("replies interrupted mid-send by the last stop are marked uncertain, not resent", metadata: ["count": "\(interrupted)"])
        }
        let sender = ReplySender(
            store: store, channels: channels, policy: RetryPolicy(settings: settings),
            client: ProviderClient(client: client, timeout: .milliseconds(settings.timeoutMilliseconds)),
            metrics: metrics, ledger: ledger, pricing: pricing, hub: hub, pauses: pauses, logger: logger
        )
        await loop(sender)
        logger.info("outbound dispatcher stopped")
    }

    private func loop(_ sender: ReplySender) async {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            let items: [OutboxItem]
            do {
                items = try await store.claimOutbox(limit: settings.concurrency)
            } catch {
                logger.error("cannot read the outbox", metadata: ["error": "\(error)"])
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(1)) }
                continue
            }
            if items.isEmpty {
                let wait = await nextWait()
                await cancelWhenGracefulShutdown { await signal.wait(timeout: wait) }
                continue
            }
            await withTaskGroup(of: Void.self) { group in
                for item in items {
                    group.addTask { await sender.deliver(item) }
                }
            }
        }
    }

    /// Sleep until the earliest scheduled retry, but no longer than the poll interval.
    private func nextWait() async -> Duration {
        let poll = Duration.milliseconds(settings.pollIntervalMilliseconds)
        guard let due = try? await store.nextOutboxDue() else { return poll }
        let seconds = due.timeIntervalSinceNow
        guard seconds > 0 else { return .milliseconds(5) }
        return min(poll, .milliseconds(Int64(seconds * 1000) + 1))
    }
}
