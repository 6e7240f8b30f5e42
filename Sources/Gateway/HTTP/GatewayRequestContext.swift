import Hummingbird
import NIOCore

/// The request context of every route: Hummingbird's core context plus the peer's address
/// (per-IP limits and logs need it).
struct GatewayRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }
}

extension RequestContext {
    /// The request's id as Hummingbird put it in the logger's metadata. Unlike `context.id` it
    /// cannot trap when a log handler keeps no metadata (a no-op handler); it is then `unknown`.
    var requestID: String {
        logger[metadataKey: "hb.request.id"]?.description ?? "unknown"
    }
}
