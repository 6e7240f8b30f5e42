import Brain
import ChannelKit
import WebChatChannel

/// A web chat channel ready to serve: its settings and the key its visitor tokens are signed with.
struct WebChatChannel: Sendable {
    let ref: ChannelRef
    let settings: WebChatSettings
    let signingKey: Secret

    /// The active web chat channels of the configuration. A channel without a configured
    /// `tokenSecret` gets a key the store makes once and keeps.
    static func load(from channels: ChannelRegistry, store: SQLiteStore) async throws -> [String: WebChatChannel] {
        var result: [String: WebChatChannel] = [:]
        for entry in channels.all {
            guard let adapter = entry.adapter as? WebChatChannelAdapter else { continue }
            let key = if let configured = adapter.settings.tokenSecret {
                configured
            } else {
                try await store.liveSigningKey(channelID: entry.ref.channelID)
            }
            result[entry.ref.channelID] = WebChatChannel(ref: entry.ref, settings: adapter.settings, signingKey: key)
        }
        return result
    }

    /// The largest frame any web chat channel accepts (the socket server's limit; each channel
    /// enforces its own on top).
    static func largestFrame(in channels: [String: WebChatChannel]) -> Int {
        channels.values.map(\.settings.maxFrameBytes).max() ?? 16_384
    }
}
