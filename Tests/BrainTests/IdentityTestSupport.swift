import Brain
import ChannelKit
import Foundation
import Testing

/// The channels the identity tests use: tenant `acme` has one of every kind; `globex` is a
/// second tenant with an SMS number.
enum IdentityChannels {
    static let sms = ChannelRef(tenantID: "acme", channelID: "acme-sms", kind: .sms)
    static let whatsapp = ChannelRef(tenantID: "acme", channelID: "acme-wa", kind: .whatsapp)
    static let voice = ChannelRef(tenantID: "acme", channelID: "acme-voice", kind: .voice)
    static let email = ChannelRef(tenantID: "acme", channelID: "acme-mail", kind: .email)
    static let webchat = ChannelRef(tenantID: "acme", channelID: "acme-chat", kind: .webchat)
    static let telegram = ChannelRef(tenantID: "acme", channelID: "acme-tg", kind: .telegram)
    static let api = ChannelRef(tenantID: "acme", channelID: "acme-api", kind: .api)
    static let otherTenantSMS = ChannelRef(tenantID: "globex", channelID: "globex-sms", kind: .sms)
}

extension SQLiteStore {
    /// Takes one inbound message along the durable path the pipeline uses (inbox, identity,
    /// conversation on the sender's thread, commit) and returns the sender's customer.
    @discardableResult
    func deliver(_ text: String, from sender: Participant, on channel: ChannelRef, id: String, region: String = "US") async throws -> CustomerRecord {
        let message = InboundMessage(providerMessageID: id, sender: sender, threadKey: sender.channelUserID, text: text, timestamp: Date())
        _ = try await acceptInbound([message], on: channel, requestID: nil)
        let item = try #require(try await claimInbox(limit: 1).first)
        let (customer, _) = try await resolveCustomer(sender, on: channel, defaultRegion: region)
        let conversation = try await openConversation(customerID: customer.id, channel: channel, threadKey: message.threadKey)
        try await commit(ProcessedMessage(item: item, customerID: customer.id, conversation: conversation))
        return customer
    }
}
