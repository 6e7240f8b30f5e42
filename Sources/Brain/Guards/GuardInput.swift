import ChannelKit
import Foundation

/// One inbound message (or call start) as the guards see it.
public struct GuardInput: Sendable {
    public var tenant: TenantProfile
    public var channel: ChannelRef
    public var customer: CustomerRecord
    /// The customer was created for this message (first contact on any channel).
    public var isNewCustomer: Bool
    /// The message text (empty for a call start).
    public var text: String
    /// The provider's id of this message; excluded from history queries if it was stored before.
    public var providerMessageID: String
    /// The IP address the webhook came from, where the channel has a meaningful one (web chat).
    public var remoteAddress: String?
    /// A voice call starts: counted against ``TenantLimits/customerDailyCalls`` instead of
    /// messages, and not checked for rapid fire, repetition or gibberish.
    public var isCall: Bool
    /// The time the windows are measured from.
    public var now: Date

    public init(
        tenant: TenantProfile,
        channel: ChannelRef,
        customer: CustomerRecord,
        isNewCustomer: Bool,
        text: String,
        providerMessageID: String,
        remoteAddress: String? = nil,
        isCall: Bool = false,
        now: Date = Date()
    ) {
        self.tenant = tenant
        self.channel = channel
        self.customer = customer
        self.isNewCustomer = isNewCustomer
        self.text = text
        self.providerMessageID = providerMessageID
        self.remoteAddress = remoteAddress
        self.isCall = isCall
        self.now = now
    }
}
