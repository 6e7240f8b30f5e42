import Foundation

/// One entry of a customer's identity history: why an identity joined or left them.
public struct IdentityLinkRecord: Sendable, Hashable {
    /// What happened.
    public enum Action: String, Sendable, Hashable {
        /// A new identity joined an existing customer through a matching phone or email.
        case link
        /// An identity was moved off the customer to a new customer of its own.
        case unlink
        /// Another customer was merged into this one.
        case merge
        /// The customer was created (first contact, or by an unlink).
        case create
    }

    public var id: String
    public var tenantID: String
    public var customerID: String
    /// The identity concerned; nil for a merge, which concerns whole customers.
    public var identityID: String?
    public var action: Action
    /// Why, in words (`phone +14155550100 proven by sms channel acme-sms`, or an operator's reason).
    public var evidence: String
    public var createdAt: Date

    public init(id: String, tenantID: String, customerID: String, identityID: String?, action: Action, evidence: String, createdAt: Date) {
        self.id = id
        self.tenantID = tenantID
        self.customerID = customerID
        self.identityID = identityID
        self.action = action
        self.evidence = evidence
        self.createdAt = createdAt
    }
}
