/// A search among a tenant's customers.
public struct CustomerFilter: Sendable, Hashable {
    /// Matches (case-insensitively, anywhere) the name, phone, email, or any channel identity's
    /// user id or name (a Telegram chat id, a web chat visitor id).
    public var query: String?
    public var blocked: Bool?

    public init(query: String? = nil, blocked: Bool? = nil) {
        self.query = query
        self.blocked = blocked
    }
}

/// What erasing a customer removed, for the audit log (counts only: nothing personal).
public struct CustomerErasure: Sendable, Hashable {
    public var messages: Int
    public var identities: Int
    public var conversations: Int
}
