import ChannelKit

/// What the compliance stage decided.
public enum ComplianceDecision: Sendable, Hashable {
    /// Nothing to do; the message goes on through the pipeline.
    case proceed
    /// Store the message, and answer with `reply` if given, without the assistant.
    case handled(reason: String, reply: String?)
}

/// Messaging-compliance keywords and opt-outs (SMS STOP/START/HELP): STOP records an opt-out and
/// nothing is sent to that address on that kind of channel until START; HELP is answered with
/// the channel's help text; a message from an opted-out address is stored, not answered.
/// Adapters mark the keywords in ``InboundMessage/metadata`` (``InboundMetadataKey``).
public struct ComplianceStage: Sendable {
    let store: SQLiteStore

    public init(store: SQLiteStore) {
        self.store = store
    }

    public func check(_ item: InboxItem) async throws -> ComplianceDecision {
        let address = item.message.sender.channelUserID
        let channel = item.channel
        switch item.message.metadata[InboundMetadataKey.compliance] {
        case "stop":
            try await store.setOptedOut(true, address: address, kind: channel.kind, tenantID: channel.tenantID)
            return .handled(reason: "opted out (\(item.message.text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()))", reply: nil)
        case "start":
            try await store.setOptedOut(false, address: address, kind: channel.kind, tenantID: channel.tenantID)
            return .handled(reason: "opted back in", reply: nil)
        case "help":
            return .handled(reason: "asked for help", reply: item.message.metadata[InboundMetadataKey.complianceReply])
        default:
            switch try await store.optOutReason(address: address, kind: channel.kind, tenantID: channel.tenantID) {
            case nil:
                return .proceed
            case SQLiteStore.undeliverableReason:
                // The address just wrote to us, so it works again: a bounce no longer holds.
                _ = try await store.clearUndeliverable(address: address, kind: channel.kind, tenantID: channel.tenantID)
                return .proceed
            default:
                break
            }
            return .handled(reason: "the customer opted out of this channel", reply: nil)
        }
    }
}
