import Foundation

/// A customer of one tenant, as the brain knows them across every channel.
public struct CustomerRecord: Sendable, Hashable {
    public var id: String
    public var tenantID: String
    public var displayName: String?
    /// E.164, when known.
    public var phone: String?
    /// Lower-cased, when known.
    public var email: String?
    /// Whether a channel itself proved one of their identifiers (an SMS from the number, an email
    /// from the address), rather than the person claiming it.
    public var isVerified: Bool
    public var createdAt: Date
    /// When the business blocked them (their messages are stored, never answered), if it did.
    public var blockedAt: Date?

    public init(id: String, tenantID: String, displayName: String? = nil, phone: String? = nil, email: String? = nil, isVerified: Bool = false, createdAt: Date, blockedAt: Date? = nil) {
        self.id = id
        self.tenantID = tenantID
        self.displayName = displayName
        self.phone = phone
        self.email = email
        self.isVerified = isVerified
        self.createdAt = createdAt
        self.blockedAt = blockedAt
    }
}
