/// Who sent the message and which conversation it belongs to.
public struct Identified: Sendable, Hashable {
    public var customer: CustomerRecord
    /// The customer was created for this message (first contact on any channel).
    public var isNewCustomer: Bool
    /// The channel itself proved the sender's identifier (an SMS from the number); a sender who
    /// only claimed an email or phone sees nothing said on other channels.
    public var senderIsProven: Bool
    public var conversation: ConversationRecord
}

/// Finds the customer across channels (by channel identity, then by proven or claimed phone and
/// email) and the open conversation on the message's thread.
public struct IdentifyStage: Sendable {
    let store: SQLiteStore

    public init(store: SQLiteStore) {
        self.store = store
    }

    public func run(_ item: InboxItem, tenant: TenantProfile) async throws -> Identified {
        try await store.identifySender(of: item.message, on: item.channel, defaultRegion: tenant.defaultRegion)
    }
}
