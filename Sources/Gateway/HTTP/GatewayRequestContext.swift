import Brain
import Hummingbird
import HummingbirdWebSocket
import NIOCore

/// The request context of every route: Hummingbird's core context, the peer's address (per-IP
/// limits and logs need it) and the WebSocket upgrade slot (web chat).
struct GatewayRequestContext: RequestContext, RemoteAddressRequestContext, WebSocketRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?
    let webSocket: WebSocketHandlerReference<GatewayRequestContext>
    /// The admin API key the request was authenticated with (`/api/v1`).
    var apiKey: APIKeyRecord?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
        self.webSocket = .init()
    }
}

extension RequestContext {
    /// The request's id as Hummingbird put it in the logger's metadata. Unlike `context.id` it
    /// cannot trap when a log handler keeps no metadata (a no-op handler); it is then `unknown`.
    var requestID: String {
        logger[metadataKey: "hb.request.id"]?.description ?? "unknown"
    }
}
