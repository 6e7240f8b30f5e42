import Brain
import ChannelKit
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// `/webhooks/{channelId}[/...]`: hands the request to the channel's adapter (handshake, verify,
/// parse) and stores accepted messages in the inbox before answering the provider.
struct WebhookController: Sendable {
    let channels: ChannelRegistry
    let store: SQLiteStore
    let inboxSignal: WorkSignal
    let publicURL: String
    let maxBodyBytes: Int
    let metrics: GatewayMetrics
    /// Receipts, billed usage and undeliverable addresses.
    let reports: ProviderReports
    /// Runs inside the request for channels whose reply travels in the webhook's response.
    let pipeline: ConversationPipeline

    func addRoutes(to router: Router<GatewayRequestContext>) {
        for path in ["/webhooks/{channelId}", "/webhooks/{channelId}/**"] {
            router.on(RouterPath(path), method: .post, use: handle)
            router.on(RouterPath(path), method: .get, use: handle)
        }
    }

    @Sendable func handle(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let channelID = try context.parameters.require("channelId")
        guard let entry = channels[channelID] else { throw GatewayHTTPError.unknownChannel(channelID) }
        guard let adapter = entry.adapter else {
            let switchedOff = if case .switchedOff = entry.state { true } else { false }
            throw GatewayHTTPError.channelDisabled(channelID, switchedOff: switchedOff)
        }

        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: adapter.maxRequestBytes ?? maxBodyBytes)
        } catch is NIOTooManyBytesError {
            metrics.recordWebhook(.refused)
            throw GatewayHTTPError.payloadTooLarge(limit: adapter.maxRequestBytes ?? maxBodyBytes)
        }
        let webhook = webhookRequest(request, context: context, channelID: channelID, body: body)
        var logger = context.logger
        logger[metadataKey: "channel"] = "\(channelID)"

        do throws(WebhookError) {
            if let challenge = try adapter.handshake(webhook) {
                metrics.recordWebhook(.handshake)
                return Self.response(challenge)
            }
            try adapter.verify(webhook)
            let events = try adapter.parse(webhook)
            if adapter.capabilities.deliveryMode == .webhookReply {
                return try await answerInline(events, adapter: adapter, request: webhook, requestID: context.requestID, logger: logger)
            }
            let (accepted, duplicates) = try await store(events, channel: entry.ref, request: webhook, requestID: context.requestID, logger: logger)
            return Self.response(adapter.acknowledgement(for: webhook, accepted: accepted, duplicates: duplicates))
        } catch {
            metrics.recordWebhook(.refused)
            logger.notice("webhook refused", metadata: ["code": "\(error.code)", "reason": "\(error.message)"])
            throw GatewayHTTPError(error)
        }
    }

    /// Stores messages (deduped) and applies the provider's other reports; returns how many
    /// messages were new and how many were duplicates.
    func store(_ events: [InboundEvent], channel: ChannelRef, request: WebhookRequest, requestID: String, logger: Logger) async throws(WebhookError) -> (Int, Int) {
        let messages: [InboundMessage]
        do {
            messages = try await reports.apply(events, channel: channel, logger: logger)
        } catch {
            logger.error("cannot store a provider report", metadata: ["error": "\(error)"])
            throw WebhookError(status: 503, code: "storage_unavailable", message: "the report could not be stored; retry later")
        }
        guard !messages.isEmpty else { return (0, 0) }
        let results: [InboxAcceptance]
        do {
            results = try await store.acceptInbound(messages, on: channel, requestID: requestID, remoteAddress: request.remoteAddress)
        } catch {
            // Nothing was acknowledged: the provider will retry, so nothing is lost.
            logger.error("cannot store inbound messages", metadata: ["error": "\(error)"])
            throw WebhookError(status: 503, code: "storage_unavailable", message: "the message could not be stored; retry later")
        }
        let accepted = results.count { if case .accepted = $0 { true } else { false } }
        let duplicates = results.count - accepted
        metrics.recordWebhook(.accepted, count: accepted)
        metrics.recordWebhook(.duplicate, count: duplicates)
        if duplicates > 0 { logger.info("duplicate delivery acknowledged", metadata: ["duplicates": "\(duplicates)"]) }
        if accepted > 0 { inboxSignal.notify() }
        return (accepted, duplicates)
    }

    private func webhookRequest(_ request: Request, context: GatewayRequestContext, channelID: String, body: ByteBuffer) -> WebhookRequest {
        var headers = HeaderFields()
        for field in request.headers {
            headers.append(name: field.name.rawName, value: field.value)
        }
        let prefix = "/webhooks/\(channelID)"
        let path = request.uri.path
        let subpath = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : ""
        let query = request.uri.query ?? ""
        return WebhookRequest(
            method: request.method.rawValue,
            subpath: subpath,
            rawQuery: query,
            headers: headers,
            body: Data(buffer: body),
            publicURL: publicURL + path + (query.isEmpty ? "" : "?" + query),
            remoteAddress: context.remoteAddress?.ipAddress
        )
    }

    static func response(_ webhook: WebhookResponse) -> Response {
        var headers = HTTPFields()
        for field in webhook.headers {
            if let name = HTTPField.Name(field.name) { headers.append(HTTPField(name: name, value: field.value)) }
        }
        return Response(
            status: HTTPResponse.Status(code: webhook.status),
            headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: webhook.body))
        )
    }
}
