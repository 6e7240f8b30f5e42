import Brain
import ChannelKit
import Foundation
import Hummingbird
import Logging

extension WebhookController {
    /// For channels whose reply travels in the webhook's own response (voice): the message is
    /// stored (claimed, so the worker does not take it), the pipeline answers within the
    /// channel's time budget, and the adapter renders the reply as the response. A provider
    /// retrying the same message gets the same reply again, not a second answer.
    func answerInline(
        _ events: [InboundEvent],
        adapter: any ChannelAdapter,
        request: WebhookRequest,
        requestID: String,
        logger: Logger
    ) async throws(WebhookError) -> Response {
        let messages = events.compactMap { if case .message(let message) = $0 { message } else { nil } }
        let others = events.filter { if case .message = $0 { false } else { true } }
        _ = try await store(others, channel: adapter.ref, request: request, requestID: requestID, logger: logger)
        var reply: (OutboundMessage, InboundMessage)?
        for message in messages {
            if let answer = try await answer(message, adapter: adapter, request: request, requestID: requestID, logger: logger) {
                reply = (answer, message)
            }
        }
        guard let (outbound, message) = reply else {
            return Self.response(adapter.acknowledgement(for: request, accepted: messages.count, duplicates: 0))
        }
        let address = ConversationAddress(
            recipient: message.sender, threadKey: message.threadKey, inReplyTo: message.providerMessageID, context: message.metadata
        )
        do {
            if case .webhookReply(let response) = try adapter.render(outbound, for: address) {
                return Self.response(response)
            }
        } catch {
            logger.error("reply cannot be rendered", metadata: ["reason": "\(error)"])
        }
        return Self.response(adapter.acknowledgement(for: request, accepted: messages.count, duplicates: 0))
    }

    /// Stores one message and returns the reply to it: made now, or made for an earlier delivery.
    private func answer(
        _ message: InboundMessage,
        adapter: any ChannelAdapter,
        request: WebhookRequest,
        requestID: String,
        logger: Logger
    ) async throws(WebhookError) -> OutboundMessage? {
        let channel = adapter.ref
        let acceptance: InboxAcceptance
        do {
            acceptance = try await store.acceptInbound([message], on: channel, requestID: requestID, remoteAddress: request.remoteAddress, claimed: true).first ?? .duplicate
        } catch {
            logger.error("cannot store an inbound message", metadata: ["error": "\(error)"])
            throw WebhookError(status: 503, code: "storage_unavailable", message: "the message could not be stored; retry later")
        }
        if case .accepted(let id) = acceptance {
            metrics.recordWebhook(.accepted)
            let item = InboxItem(id: id, channel: channel, message: message, attempts: 1, requestID: requestID, remoteAddress: request.remoteAddress)
            let start = ContinuousClock.now
            do {
                let outcome = try await pipeline.process(item, logger: logger, deliveredInline: true)
                metrics.recordProcessed(outcome, duration: ContinuousClock.now - start)
            } catch {
                // The message is kept: the worker retries it, and its reply goes the usual way.
                logger.error("inline answer failed; the worker will retry", metadata: ["error": "\(error)"])
                try? await store.failInbox(id: id, error: "\(error)", retryAt: Date())
                inboxSignal.notify()
                return nil
            }
        } else {
            metrics.recordWebhook(.duplicate)
        }
        return try? await store.reply(toInbound: message.providerMessageID, channelID: channel.channelID, tenantID: channel.tenantID)
    }
}
