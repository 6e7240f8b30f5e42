import ChannelKit
import Foundation
import MetaChannel
import Testing

@Suite struct InstagramConfigurationTests {
    @Test func hasDefaultsForEverythingButTheAccountID() throws {
        let adapter = try InstagramChannelAdapter(configuration: InstagramTestChannel.configuration())
        #expect(InstagramChannelAdapter.type == "instagram")
        #expect(InstagramChannelAdapter.kind == .instagram)
        #expect(adapter.settings.igUserID == "17841400000000000")
        #expect(adapter.settings.app.graphBaseURL == "https://graph.facebook.com")
        #expect(adapter.settings.app.graphVersion == "v21.0")
        #expect(adapter.settings.maxTextLength == 1000)
        #expect(adapter.capabilities == ChannelCapabilities(
            deliveryMode: .providerAPI,
            maxTextLength: 1000,
            markup: .plain,
            supportsMedia: true,
            supportsTypingIndicator: true,
            supportsQuickReplies: true,
            replyWindow: .seconds(86_400)
        ))
        #expect(InstagramChannelAdapter.settingKeys == ["igUserId", "maxTextLength", "graphBaseURL", "graphVersion"])
        #expect(InstagramChannelAdapter.secretKeys == ["accessToken", "appSecret", "verifyToken"])
    }

    @Test func takesTheInstagramLoginHost() throws {
        let adapter = try InstagramTestChannel.adapter(settings: ["graphBaseURL": .string("https://graph.instagram.com"), "graphVersion": .string("v23.0")])
        let request = try #require(try adapter.render(OutboundMessage(id: "r", text: "Hi"), for: InstagramTestChannel.conversation()).providerRequests().first)
        #expect(request.url == "https://graph.instagram.com/v23.0/17841400000000000/messages")
    }

    @Test(arguments: [
        (["igUserId": JSONValue.null], "settings.igUserId"),
        (["igUserId": .string("@acme")], "settings.igUserId"),
        (["maxTextLength": .number(1001)], "settings.maxTextLength"),
        (["graphBaseURL": .string("ftp://graph.instagram.com")], "settings.graphBaseURL"),
    ] as [([String: JSONValue], String)])
    func refusesABadSetting(settings: [String: JSONValue], key: String) {
        let error = #expect(throws: ChannelConfigurationError.self) {
            try InstagramChannelAdapter(configuration: InstagramTestChannel.configuration(settings: settings))
        }
        #expect(error?.key == key)
    }

    @Test func requiresTheSecrets() {
        let error = #expect(throws: ChannelConfigurationError.self) {
            try InstagramChannelAdapter(configuration: InstagramTestChannel.configuration(secrets: ["accessToken": MetaApp.accessToken]))
        }
        #expect(error?.key == "secrets.appSecret")
    }
}
