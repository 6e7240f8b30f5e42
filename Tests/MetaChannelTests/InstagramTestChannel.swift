import ChannelKit
import Foundation
import MetaChannel

/// The Instagram channel the tests configure.
enum InstagramTestChannel {
    static let ref = ChannelRef(tenantID: "acme", channelID: "acme-instagram", kind: .instagram)
    /// The business's Instagram professional account id (IGID).
    static let igUserID = "17841400000000000"
    /// The customer's Instagram-scoped id (IGSID).
    static let customer = "1234567890123456"

    static func configuration(settings: [String: JSONValue] = [:], secrets: [String: Secret]? = nil) -> ChannelConfiguration {
        var all: [String: JSONValue] = ["igUserId": .string(igUserID)]
        all.merge(settings) { _, new in new }
        return ChannelConfiguration(ref: ref, settings: all, secrets: secrets ?? MetaApp.secrets)
    }

    static func adapter(settings: [String: JSONValue] = [:], now: Date = MetaApp.now) throws -> InstagramChannelAdapter {
        try InstagramChannelAdapter(configuration: configuration(settings: settings), now: { now })
    }

    /// A conversation whose customer last wrote `minutesAgo` minutes before ``MetaApp/now``.
    static func conversation(lastWroteMinutesAgo minutesAgo: Double? = 5) -> ConversationAddress {
        ConversationAddress(
            recipient: Participant(channelUserID: customer),
            threadKey: customer,
            inReplyTo: "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx",
            lastInboundAt: minutesAgo.map { MetaApp.now.addingTimeInterval(-$0 * 60) }
        )
    }
}

extension InstagramChannelAdapter {
    /// Parses a body signed and shaped as Meta sends it.
    func parse(signed body: String) throws(WebhookError) -> [InboundEvent] {
        try parse(MetaApp.signedRequest(body))
    }
}
