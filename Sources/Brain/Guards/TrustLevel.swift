import Foundation

/// How far the gateway trusts a customer; higher levels get larger caps (``TrustMultipliers``).
public enum TrustLevel: String, Sendable, Hashable, CaseIterable {
    /// First contact, or too little history yet.
    case new
    /// Enough accepted messages, or long enough since first contact.
    case known
    /// A channel itself proved one of their identifiers (``CustomerRecord/isVerified``).
    case verified

    /// The level of `customer`: verified if a channel proved their identity; known after
    /// `limits.knownAfterMessages` accepted (not blocked) messages or `limits.knownAfterDays`
    /// days since first contact; else new.
    public init(customer: CustomerRecord, acceptedMessages: Int, now: Date, limits: TenantLimits) {
        if customer.isVerified {
            self = .verified
        } else if acceptedMessages >= limits.knownAfterMessages
                    || now.timeIntervalSince(customer.createdAt) >= Double(limits.knownAfterDays) * 86_400 {
            self = .known
        } else {
            self = .new
        }
    }
}

/// Multipliers applied to the daily caps and the per-IP limit, per ``TrustLevel``.
public struct TrustMultipliers: Sendable, Hashable {
    public var new: Int
    public var known: Int
    public var verified: Int

    public init(new: Int = 1, known: Int = 2, verified: Int = 4) {
        self.new = new
        self.known = known
        self.verified = verified
    }

    public subscript(level: TrustLevel) -> Int {
        switch level {
        case .new: new
        case .known: known
        case .verified: verified
        }
    }
}
