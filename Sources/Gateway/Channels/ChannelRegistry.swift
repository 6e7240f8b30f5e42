import ChannelKit

/// One configured channel and whether it can run.
struct ChannelEntry: Sendable {
    enum State: Sendable {
        case active(any ChannelAdapter)
        /// Configured but not running (a secret is missing); the reason names what to fix.
        case disabled(reason: String)
        /// Switched off in the configuration (`"enabled": false`): an example or a paused channel.
        case switchedOff
    }

    var ref: ChannelRef
    /// The configuration `type` (`api`, `telegram`, …).
    var type: String
    var state: State

    var adapter: (any ChannelAdapter)? {
        if case .active(let adapter) = state { adapter } else { nil }
    }
}

/// The configured channels, by channel id (unique across the configuration file).
struct ChannelRegistry: Sendable {
    private let entries: [String: ChannelEntry]

    init(_ entries: [ChannelEntry]) {
        self.entries = Dictionary(entries.map { ($0.ref.channelID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    subscript(channelID: String) -> ChannelEntry? { entries[channelID] }

    var all: [ChannelEntry] { entries.values.sorted { $0.ref.channelID < $1.ref.channelID } }

    var activeCount: Int { entries.values.count { $0.adapter != nil } }

    /// Channels that should run but cannot (a missing secret), not those switched off on purpose.
    var disabled: [ChannelEntry] {
        all.filter { if case .disabled = $0.state { true } else { false } }
    }
}
