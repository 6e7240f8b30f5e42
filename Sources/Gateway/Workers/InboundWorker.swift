import Brain
import Foundation
import Logging
import ServiceLifecycle

/// Processes the inbox through the conversation pipeline. Messages of one conversation are
/// processed in order; different conversations run concurrently.
///
/// On start it requeues rows a stopped gateway left in processing. On graceful shutdown it
/// finishes the batch in hand (drains) and stops; what is still pending stays in the inbox.
struct InboundWorker: Service {
    let store: SQLiteStore
    let pipeline: ConversationPipeline
    let channels: ChannelRegistry
    /// Sends the adapters' requests on acceptance (mark as read, typing, button answers).
    let client: ProviderClient
    let signal: WorkSignal
    let outboxSignal: WorkSignal
    let settings: WorkerSettings
    let metrics: GatewayMetrics
    /// The web chat sockets, told when the assistant stops typing without a reply.
    let hub: WebChatHub?
    let logger: Logger

    func run() async throws {
        let requeued = try await store.requeueInterruptedInbox()
        if requeued > 0 {
            logger.notice("resuming inbox rows interrupted by the last stop", metadata: ["count": "\(requeued)"])
        }
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            let items: [InboxItem]
            do {
                items = try await store.claimInbox(limit: settings.concurrency * 8)
            } catch {
                logger.error("cannot read the inbox", metadata: ["error": "\(error)"])
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(1)) }
                continue
            }
            if items.isEmpty {
                await cancelWhenGracefulShutdown {
                    await signal.wait(timeout: .milliseconds(settings.pollIntervalMilliseconds))
                }
                continue
            }
            await process(items)
        }
        logger.info("inbound worker stopped")
    }

    /// Runs the batch with one child task per conversation, at most `concurrency` at once.
    private func process(_ items: [InboxItem]) async {
        var groups: [String: [InboxItem]] = [:]
        var order: [String] = []
        for item in items {
            let key = item.channel.channelID + "\u{1F}" + item.message.threadKey
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(item)
        }
        await withTaskGroup(of: Void.self) { group in
            var running = 0
            for key in order {
                if running == settings.concurrency {
                    await group.next()
                    running -= 1
                }
                let conversationItems = groups[key] ?? []
                group.addTask {
                    for item in conversationItems { await processOne(item) }
                }
                running += 1
            }
        }
    }

    private func processOne(_ item: InboxItem) async {
        var logger = logger
        logger[metadataKey: "inbox.id"] = "\(item.id)"
        logger[metadataKey: "channel"] = "\(item.channel.channelID)"
        if let requestID = item.requestID { logger[metadataKey: "hb.request.id"] = "\(requestID)" }
        // Typing indicators and read marks go out while the assistant thinks, not before it.
        async let accepted: Void = sendAcceptedRequests(for: item, logger: logger)
        await run(item, logger: logger)
        await accepted
    }

    /// Runs the pipeline on one item and records the outcome (or the failure, for a retry).
    private func run(_ item: InboxItem, logger: Logger) async {
        let start = ContinuousClock.now
        do {
            let outcome = try await pipeline.process(item, logger: logger)
            metrics.recordProcessed(outcome, duration: ContinuousClock.now - start)
            switch outcome {
            case .replied, .handedOff, .blocked(_, _?): outboxSignal.notify()
            case .blocked, .silent, .alreadyProcessed: await stopTyping(for: item)
            }
        } catch {
            let retry = item.attempts < settings.maxAttempts
            let retryAt = retry ? Date().addingTimeInterval(Double(min(60, 1 << min(item.attempts, 6)))) : nil
            logger.error("message processing failed", metadata: [
                "error": "\(error)", "attempt": "\(item.attempts)", "will_retry": "\(retry)",
            ])
            metrics.recordProcessingFailure(final: !retry)
            await stopTyping(for: item)
            do {
                try await store.failInbox(id: item.id, error: "\(error)", retryAt: retryAt)
            } catch {
                logger.error("cannot record the processing failure", metadata: ["error": "\(error)"])
            }
        }
    }

    /// A web chat visitor saw the assistant start typing when their message was accepted; when
    /// no reply follows (a human owns the conversation, a guard blocked it), it stops.
    private func stopTyping(for item: InboxItem) async {
        guard item.channel.kind == .webchat, let hub else { return }
        await hub.assistantTyping(false, channelID: item.channel.channelID, visitorID: item.message.threadKey)
    }

    /// Best effort: each request is sent once; a failure is logged and changes nothing else.
    private func sendAcceptedRequests(for item: InboxItem, logger: Logger) async {
        guard item.attempts == 1, let adapter = channels[item.channel.channelID]?.adapter else { return }
        for request in adapter.acceptedRequests(for: item.message) {
            switch await client.send(request) {
            case .response(let response) where (200..<300).contains(response.status):
                continue
            case .response(let response):
                logger.notice("provider refused an acceptance request", metadata: ["status": "\(response.status)"])
            case .notSent(let reason), .maybeSent(let reason):
                logger.notice("acceptance request not delivered", metadata: ["reason": "\(reason)"])
            }
        }
    }
}
