import Brain
import ChannelKit
import Logging

/// Applies what a provider reports besides customers' messages, for webhooks and polled updates
/// alike: delivery receipts, billed usage (a call's minutes, once per call) and addresses it can
/// no longer deliver to (an email bounce).
struct ProviderReports: Sendable {
    let store: SQLiteStore
    let ledger: BudgetLedger
    let pricing: Pricing

    /// Applies every report among `events` and returns the messages, in order, for the inbox.
    func apply(_ events: [InboundEvent], channel: ChannelRef, logger: Logger) async throws -> [InboundMessage] {
        var messages: [InboundMessage] = []
        for event in events {
            switch event {
            case .message(let message):
                messages.append(message)
            case .receipt(let receipt):
                let matched = try await store.applyReceipt(receipt, on: channel)
                if !matched { logger.debug("receipt for an unknown message", metadata: ["provider.id": "\(receipt.providerMessageID)"]) }
            case .usage(let report):
                let entries = report.usage.map {
                    pricing.cost(of: $0, tenantID: channel.tenantID, channelID: channel.channelID, reference: report.reference)
                }
                let recorded = try await ledger.recordOnce(entries)
                logger.info("provider usage", metadata: ["reference": "\(report.reference)", "recorded": "\(recorded)"])
            case .unreachable(let address, let reason):
                try await store.markUndeliverable(address: address, kind: channel.kind, tenantID: channel.tenantID)
                logger.notice("address undeliverable; no further replies go to it", metadata: ["reason": "\(reason)"])
            case .ignored(let reason):
                logger.info("provider event ignored", metadata: ["reason": "\(reason)"])
            }
        }
        return messages
    }
}
