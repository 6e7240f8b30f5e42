/// Who sent the message and which conversation it belongs to.
public struct Identified: Sendable, Hashable {
    public var customer: CustomerRecord
    /// The customer was created for this message (first contact on any channel).
    public var isNewCustomer: Bool
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
        let (customer, isNew) = try await store.resolveCustomer(item.message.sender, on: item.channel, defaultRegion: tenant.defaultRegion)
        let conversation = try await store.openConversation(customerID: customer.id, channel: item.channel, threadKey: item.message.threadKey)
        return Identified(customer: customer, isNewCustomer: isNew, conversation: conversation)
    }
}
