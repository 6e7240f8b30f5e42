/// A search among a tenant's customers.
public struct CustomerFilter: Sendable, Hashable {
    /// Matches (case-insensitively, anywhere) the name, phone, email, or any channel identity's
    /// user id or name (a Telegram chat id, a web chat visitor id).
    public var query: String?
    public var blocked: Bool?
    /// Only customers with this tag.
    public var tag: String?

    public init(query: String? = nil, blocked: Bool? = nil, tag: String? = nil) {
        self.query = query
        self.blocked = blocked
        self.tag = tag
    }
}

/// What erasing a customer removed, for the audit log (counts only: nothing personal).
public struct CustomerErasure: Sendable, Hashable {
    public var messages: Int
    public var identities: Int
    public var conversations: Int
}
