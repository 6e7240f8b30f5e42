import Brain
import Foundation
import Synchronization

/// The channels an admin paused, as the outbound dispatcher checks them on every reply: loaded
/// from the store at start-up, changed only through the admin API (which writes the store first).
final class ChannelPauses: Sendable {
    private let paused = Mutex<[String: ChannelPause]>([:])

    init(_ pauses: [ChannelPause] = []) {
        paused.withLock { $0 = Dictionary(pauses.map { ($0.channelID, $0) }, uniquingKeysWith: { first, _ in first }) }
    }

    func pause(of channelID: String) -> ChannelPause? {
        paused.withLock { $0[channelID] }
    }

    func set(_ pause: ChannelPause?, for channelID: String) {
        paused.withLock { $0[channelID] = pause }
    }
}
