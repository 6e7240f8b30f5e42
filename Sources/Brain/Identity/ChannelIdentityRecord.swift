import ChannelKit
import Foundation

/// One way a customer reaches a tenant: a sender id on a kind of channel, with what it proves.
public struct ChannelIdentityRecord: Sendable, Hashable {
    public var id: String
    public var tenantID: String
    public var customerID: String
    public var channelKind: ChannelKind
    /// The channel the identity was first seen on.
    public var channelID: String
    /// The sender's id on that kind of channel (a phone number, a chat id, a visitor id).
    public var channelUserID: String
    public var displayName: String?
    /// E.164, proven by the channel or claimed by the person (see ``verified``).
    public var phone: String?
    /// Lower-cased, proven by the channel or claimed by the person (see ``verified``).
    public var email: String?
    /// Whether the channel proved the identity's phone or email (SMS, WhatsApp, voice, email).
    public var verified: Bool
    /// How the identity's phone and email are known (`phone +14155550100 proven by sms channel acme-sms`).
    public var evidence: String
    public var createdAt: Date

    public init(
        id: String, tenantID: String, customerID: String, channelKind: ChannelKind, channelID: String,
        channelUserID: String, displayName: String? = nil, phone: String? = nil, email: String? = nil,
        verified: Bool, evidence: String, createdAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.customerID = customerID
        self.channelKind = channelKind
        self.channelID = channelID
        self.channelUserID = channelUserID
        self.displayName = displayName
        self.phone = phone
        self.email = email
        self.verified = verified
        self.evidence = evidence
        self.createdAt = createdAt
    }
}
