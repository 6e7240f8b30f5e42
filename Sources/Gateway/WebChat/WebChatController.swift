import Brain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import WebChatChannel

/// `/chat/{channelId}` (demo page), `/chat/{channelId}/widget.js` and the WebSocket
/// `/chat/{channelId}/socket` of every web chat channel.
struct WebChatController: Sendable {
    let channels: [String: WebChatChannel]
    let registry: ChannelRegistry
    let store: SQLiteStore
    let hub: WebChatHub
    let inboxSignal: WorkSignal
    let tenants: TenantDirectory
    let publicURL: String
    let limiter = MessageRateLimiter()

    func addRoutes(to router: Router<GatewayRequestContext>) {
        router.get("/chat/{channelId}") { _, context in
            let channel = try channel(context)
            return Self.page(WebChatAssets.demoPage(channelID: channel.ref.channelID, settings: channel.settings), type: "text/html; charset=utf-8")
        }
        router.get("/chat/{channelId}/widget.js") { _, context in
            let channel = try channel(context)
            var response = Self.page(WebChatAssets.widgetScript(channelID: channel.ref.channelID, settings: channel.settings), type: "text/javascript; charset=utf-8")
            // Any site in allowedOrigins loads it; it carries no secret.
            response.headers[.accessControlAllowOrigin] = "*"
            return response
        }
        // The library answers a refused upgrade with a bare 400 that a browser script cannot
        // read, so refusals (origin, connections per IP) upgrade and close at once with a code
        // and a reason; no frame of such a socket is read.
        router.ws("/chat/{channelId}/socket", shouldUpgrade: { _, context in
            _ = try channel(context)
            return .upgrade([:])
        }, onUpgrade: { inbound, outbound, wsContext in
            let context = wsContext.requestContext
            guard let channelID = context.parameters.get("channelId"), let channel = channels[channelID] else { return }
            var logger = wsContext.logger
            logger[metadataKey: "channel"] = "\(channelID)"
            let ip = context.remoteAddress?.ipAddress ?? "unknown"
            if let (code, reason) = await refusal(wsContext.request, channel: channel, ip: ip) {
                logger.notice("web chat socket refused", metadata: ["reason": "\(reason)"])
                try await outbound.close(.unknown(code), reason: reason)
                return
            }
            let session = WebChatSession(
                channel: channel, store: store, hub: hub, inboxSignal: inboxSignal, limiter: limiter,
                defaultRegion: tenants[channel.ref.tenantID]?.defaultRegion ?? "US",
                remoteIP: ip, requestID: context.requestID, logger: logger
            )
            try await session.run(inbound: inbound, outbound: outbound)
        })
    }

    /// Why a socket may not be used: its page's origin is not allowed (4003), or its address
    /// holds too many sockets (4029). Nil when it may.
    private func refusal(_ request: Request, channel: WebChatChannel, ip: String) async -> (UInt16, String)? {
        // Browsers send exactly one Origin; a client that sends several (some WebSocket
        // libraries add their own before the caller's) is judged by the last, the one it chose.
        let origin = request.headers[values: .origin].last
        let own = [publicURL] + (request.head.authority.map { ["http://\($0)", "https://\($0)"] } ?? [])
        guard WebChatOrigin.isAllowed(origin, allowed: channel.settings.allowedOrigins, own: own) else {
            return (4003, "origin \(origin.map { String($0.prefix(80)) } ?? "(none)") is not allowed to open this chat")
        }
        guard await hub.connections(from: ip) < channel.settings.maxConnectionsPerIP else {
            return (4029, "too many chat connections from this address")
        }
        return nil
    }

    /// The web chat channel the path names: 404 when there is none, 503 when it is switched off.
    private func channel(_ context: GatewayRequestContext) throws -> WebChatChannel {
        let id = try context.parameters.require("channelId")
        if let channel = channels[id] { return channel }
        guard let entry = registry[id], entry.ref.kind == .webchat else {
            throw GatewayHTTPError(status: .notFound, code: "unknown_channel", message: "no web chat channel with id \"\(id)\" is configured")
        }
        let switchedOff = if case .switchedOff = entry.state { true } else { false }
        throw GatewayHTTPError.channelDisabled(id, switchedOff: switchedOff)
    }

    private static func page(_ text: String, type: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: type, .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }
}
