import Foundation

/// What a provider reports it billed for something other than a rendered request: a phone call's
/// minutes, known from its status callback when it ends.
public struct UsageReport: Hashable, Sendable {
    /// The provider's id of what was billed (a Twilio `CallSid`): the ledger records one report
    /// per reference, so a provider retrying the callback is not billed twice.
    public var reference: String
    /// The billable units.
    public var usage: [ChannelUsage]
    /// When the provider says it ended.
    public var timestamp: Date

    public init(reference: String, usage: [ChannelUsage], timestamp: Date) {
        self.reference = reference
        self.usage = usage
        self.timestamp = timestamp
    }
}
