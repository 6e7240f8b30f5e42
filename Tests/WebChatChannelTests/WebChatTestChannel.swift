import ChannelKit
import WebChatChannel

enum WebChatTestChannel {
    static let ref = ChannelRef(tenantID: "bakery", channelID: "site-chat", kind: .webchat)

    static func configuration(settings: [String: JSONValue] = [:], secrets: [String: Secret] = [:]) -> ChannelConfiguration {
        ChannelConfiguration(ref: ref, settings: settings, secrets: secrets)
    }

    static func adapter(settings: [String: JSONValue] = [:]) throws -> WebChatChannelAdapter {
        try WebChatChannelAdapter(configuration: configuration(settings: settings))
    }
}
