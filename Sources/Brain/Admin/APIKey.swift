import Foundation

/// What an admin API key may do.
public enum APIKeyRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// Reads conversations, takes them over, replies, hands back, closes.
    case agent
    /// Everything an agent may, and the tenant's settings and audit log.
    case admin
}

/// A stored API key, without its secret (only its hash is stored).
public struct APIKeyRecord: Sendable, Hashable {
    /// The public part of the key (`ogk_` and 12 hex digits): how logs and the audit name it.
    public var id: String
    public var tenantID: String
    public var role: APIKeyRole
    /// Who or what holds it (`Sam`, `Ops laptop`).
    public var name: String
    public var createdAt: Date
    public var revokedAt: Date?
}

/// A key just made: the only time its full text exists outside the holder's hands.
public struct IssuedAPIKey: Sendable {
    public var record: APIKeyRecord
    /// `ogk_<id hex>_<secret>`: what goes in `Authorization: Bearer`.
    public var token: String
}
