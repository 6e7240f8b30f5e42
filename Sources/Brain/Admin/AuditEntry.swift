import Foundation

/// One admin action: who did what to what, when.
public struct AuditEntry: Sendable, Hashable {
    public var id: Int64
    public var tenantID: String
    public var keyID: String
    public var actorName: String
    public var actorRole: APIKeyRole
    /// `conversation.takeover`, `conversation.reply`, …
    public var action: String
    /// The id of what it was done to.
    public var target: String
    /// Details as a JSON object, if any.
    public var details: [String: String]?
    public var createdAt: Date
}
