import Foundation
import HummingbirdWebSocket
import Synchronization

/// One open socket of a visitor. The hub pokes it when the visitor's transcript grows; its
/// sender task then reads what is new from the store, so pushes can be neither lost nor doubled.
final class WebChatConnection: Sendable {
    let id = UUID()
    let channelID: String
    let visitorID: String
    let remoteIP: String
    let outbound: WebSocketOutboundWriter
    /// Pokes for the sender task; the newest one is enough, since it reads everything new.
    let pokes: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init(channelID: String, visitorID: String, remoteIP: String, outbound: WebSocketOutboundWriter) {
        self.channelID = channelID
        self.visitorID = visitorID
        self.remoteIP = remoteIP
        self.outbound = outbound
        (pokes, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks the sender task to look for new entries.
    func poke() {
        continuation.yield()
    }

    /// Ends the sender task.
    func finish() {
        continuation.finish()
    }

    /// Sends a frame; a socket that is already closing drops it (the client catches up from
    /// the transcript when it reconnects).
    func send(_ text: String) async {
        try? await outbound.write(.text(text))
    }
}
