import Brain
import ChannelKit
import Foundation
import Logging

/// Delivers one outbox row and records how it went.
struct ReplySender: Sendable {
    let store: SQLiteStore
    let channels: ChannelRegistry
    let policy: RetryPolicy
    let client: ProviderClient
    let metrics: GatewayMetrics
    let ledger: BudgetLedger
    let pricing: Pricing
    /// Pushes replies of live-connection channels (web chat) to the visitor's open sockets.
    let hub: WebChatHub?
    /// Channels an admin paused: their replies wait in the outbox until resumed.
    let pauses: ChannelPauses
    let logger: Logger

    func deliver(_ item: OutboxItem) async {
        var logger = logger
        logger[metadataKey: "outbox.id"] = "\(item.id)"
        logger[metadataKey: "channel"] = "\(item.channelID)"
        do {
            try await attempt(item, logger: logger)
        } catch {
            // Only the store can fail here; the row stays `sending` and is resolved at next start.
            logger.error("cannot record a delivery outcome", metadata: ["error": "\(error)"])
        }
    }

    private func attempt(_ item: OutboxItem, logger: Logger) async throws {
        guard let entry = channels[item.channelID] else {
            metrics.recordDelivery(.dead)
            return try await store.markDead(item, error: "channel \(item.channelID) is no longer configured")
        }
        guard let adapter = entry.adapter else {
            let reason = if case .disabled(let reason) = entry.state { reason } else { "switched off in the configuration" }
            logger.warning("reply held: channel disabled", metadata: ["reason": "\(reason)"])
            return try await store.retryOutbox(item, at: Date().addingTimeInterval(60), error: "channel disabled: \(reason)", countsAsAttempt: false)
        }
        if let pause = pauses.pause(of: item.channelID) {
            logger.debug("reply held: channel paused", metadata: ["paused_by": "\(pause.pausedBy)"])
            return try await store.retryOutbox(item, at: Date().addingTimeInterval(300), error: "channel paused by \(pause.pausedBy)", countsAsAttempt: false)
        }
        if try await store.isOptedOut(address: item.address.recipient.channelUserID, kind: entry.ref.kind, tenantID: item.tenantID) {
            metrics.recordDelivery(.dead)
            return try await store.markDead(item, error: "the recipient opted out of \(entry.ref.kind.rawValue) (STOP); not sent")
        }
        var address = item.address
        if adapter.capabilities.replyWindow != nil {
            address.lastInboundAt = try await store.lastInbound(beforeReply: item.messageID, tenantID: item.tenantID)
        }
        let requests: [ProviderRequest]
        do {
            switch try adapter.render(item.reply, for: address) {
            case .providerAPI(let rendered):
                requests = rendered
            case .liveConnection(let frames):
                return try await deliverLive(frames, item: item, channel: entry.ref)
            case .webhookReply:
                metrics.recordDelivery(.dead)
                return try await store.markDead(item, error: "channel \(item.channelID) answers inside its webhook, not through the outbox")
            }
        } catch let error as SendFailure {
            metrics.recordDelivery(.dead)
            logger.error("reply cannot be rendered", metadata: ["reason": "\(error)"])
            return try await store.markDead(item, error: "cannot render: \(error)")
        }

        for (part, request) in requests.enumerated() where part >= item.partsSent {
            switch await client.send(request) {
            case .response(let response):
                let receipt: SendReceipt
                do {
                    receipt = try adapter.parseSendResult(response, for: request)
                } catch {
                    return try await handleFailure(error, item: item, logger: logger)
                }
                try await store.recordPartSent(item, part: part, providerMessageID: receipt.providerMessageID)
                await recordUsage(adapter.usage(of: request), item: item, logger: logger)
            case .notSent(let reason):
                return try await handleFailure(SendFailure(isRetryable: true, reason: "not sent: \(reason)"), item: item, logger: logger)
            case .maybeSent(let reason):
                metrics.recordDelivery(.uncertain)
                logger.warning("reply may or may not have reached the provider; not resending", metadata: ["reason": "\(reason)"])
                return try await store.markUncertain(item, error: "no answer after sending (\(reason)); not resent to avoid a duplicate")
            }
        }
        metrics.recordDelivery(.sent)
        logger.debug("reply delivered", metadata: ["parts": "\(requests.count)", "attempt": "\(item.attempts)"])
        try await store.markSent(item)
    }

    /// A live-connection reply is delivered once it is in the visitor's transcript (durable,
    /// numbered, idempotent per part); the visitor's open sockets are poked, and a visitor who
    /// is away gets it when they reconnect.
    private func deliverLive(_ frames: [LiveFrame], item: OutboxItem, channel: ChannelRef) async throws {
        let visitorID = item.address.threadKey
        for (part, frame) in frames.enumerated() where part >= item.partsSent {
            try await store.appendLiveEntry(on: channel, visitorID: visitorID, key: "reply:\(item.messageID):\(part)", messageID: item.messageID, entry: frame.text)
            try await store.recordPartSent(item, part: part, providerMessageID: nil)
        }
        metrics.recordDelivery(.sent)
        try await store.markSent(item)
        await hub?.transcriptChanged(channelID: channel.channelID, visitorID: visitorID)
    }

    private func handleFailure(_ failure: SendFailure, item: OutboxItem, logger: Logger) async throws {
        guard failure.isRetryable else {
            metrics.recordDelivery(.dead)
            logger.error("reply refused by the provider; dead-lettered", metadata: ["reason": "\(failure)"])
            return try await store.markDead(item, error: failure.description)
        }
        guard policy.allowsRetry(after: item.attempts) else {
            metrics.recordDelivery(.dead)
            logger.error("reply failed on every attempt; dead-lettered", metadata: ["reason": "\(failure)", "attempts": "\(item.attempts)"])
            return try await store.markDead(item, error: "gave up after \(item.attempts) attempts: \(failure)")
        }
        let delay = policy.delay(after: item.attempts, retryAfter: failure.retryAfter)
        metrics.recordDelivery(.retry)
        logger.notice("reply send failed; retrying", metadata: [
            "reason": "\(failure)", "attempt": "\(item.attempts)", "retry_in": "\(delay)",
        ])
        let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
        try await store.retryOutbox(item, at: Date().addingTimeInterval(seconds), error: failure.description)
    }

    /// Prices what the provider charges for a sent part into the tenant's ledger. A failure is
    /// logged: the message went out, and refusing to count it must not resend it.
    private func recordUsage(_ usage: [ChannelUsage], item: OutboxItem, logger: Logger) async {
        guard !usage.isEmpty else { return }
        let entries = usage.map { pricing.cost(of: $0, tenantID: item.tenantID, channelID: item.channelID, reference: item.messageID) }
        do {
            try await ledger.record(entries)
        } catch {
            logger.error("cannot record a channel cost", metadata: ["error": "\(error)"])
        }
    }
}
