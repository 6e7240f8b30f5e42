import ChannelKit
import Foundation
import MetaChannel

/// The WhatsApp channel the tests configure, with the ids of Meta's documentation examples.
enum WhatsAppTestChannel {
    static let ref = ChannelRef(tenantID: "acme", channelID: "acme-whatsapp", kind: .whatsapp)
    static let phoneNumberID = "106540352242922"
    static let customer = "16505551234"
    static let wamid = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA="

    static func configuration(settings: [String: JSONValue] = [:], secrets: [String: Secret]? = nil) -> ChannelConfiguration {
        var all: [String: JSONValue] = ["phoneNumberId": .string(phoneNumberID)]
        all.merge(settings) { _, new in new }
        return ChannelConfiguration(ref: ref, settings: all, secrets: secrets ?? MetaApp.secrets)
    }

    static func adapter(settings: [String: JSONValue] = [:], now: Date = MetaApp.now) throws -> WhatsAppChannelAdapter {
        try WhatsAppChannelAdapter(configuration: configuration(settings: settings), now: { now })
    }

    /// A conversation whose customer last wrote `minutesAgo` minutes before ``MetaApp/now``.
    static func conversation(lastWroteMinutesAgo minutesAgo: Double? = 5, inReplyTo: String? = wamid) -> ConversationAddress {
        ConversationAddress(
            recipient: Participant(channelUserID: customer, displayName: "Sheena Nelson", phone: "+\(customer)"),
            threadKey: customer,
            inReplyTo: inReplyTo,
            lastInboundAt: minutesAgo.map { MetaApp.now.addingTimeInterval(-$0 * 60) }
        )
    }
}

extension WhatsAppChannelAdapter {
    /// Parses a body signed and shaped as Meta sends it.
    func parse(signed body: String) throws(WebhookError) -> [InboundEvent] {
        try parse(MetaApp.signedRequest(body))
    }
}
