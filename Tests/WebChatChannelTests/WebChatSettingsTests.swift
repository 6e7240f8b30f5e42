import ChannelKit
import Testing
@testable import WebChatChannel

@Suite struct WebChatSettingsTests {
    @Test func describesItself() throws {
        #expect(WebChatChannelAdapter.type == "webchat")
        #expect(WebChatChannelAdapter.kind == .webchat)
        #expect(WebChatChannelAdapter.secretKeys == ["tokenSecret"])
        #expect(WebChatChannelAdapter.settingKeys.contains("allowedOrigins"))
        let adapter = try WebChatTestChannel.adapter()
        #expect(adapter.capabilities.deliveryMode == .liveConnection)
        #expect(adapter.capabilities.supportsQuickReplies)
        #expect(adapter.capabilities.supportsTypingIndicator)
    }

    @Test func defaultsWithoutSettings() throws {
        let settings = try WebChatTestChannel.adapter().settings
        #expect(settings.allowedOrigins == [])
        #expect(settings.title == WebChatSettings.defaultTitle)
        #expect(settings.welcomeMessage == WebChatSettings.defaultWelcomeMessage)
        #expect(settings.position == .right)
        #expect(settings.maxMessageChars == 2000)
        #expect(settings.maxFrameBytes == 16_384)
        #expect(settings.maxConnectionsPerIP == 20)
        #expect(settings.messagesPerMinutePerIP == 30)
        #expect(settings.idleTimeoutSeconds == 75)
        #expect(settings.tokenSecret == nil)
    }

    @Test func readsEverySetting() throws {
        let settings = try WebChatTestChannel.adapter(settings: [
            "allowedOrigins": .array([.string("https://Shop.Example"), .string("http://localhost:3000/"), .string("https://shop.example:443")]),
            "title": .string("  Bella's Bakery "), "welcomeMessage": .string(""), "primaryColor": .string("#8A4B2A"),
            "primaryTextColor": .string("#fff"), "position": .string("left"), "placeholder": .string("Ask us"),
            "maxMessageChars": .number(500), "maxFrameBytes": .number(4096), "maxConnectionsPerIP": .number(5),
            "messagesPerMinutePerIP": .number(10), "idleTimeoutSeconds": .number(60), "sessionDays": .number(30),
        ]).settings
        #expect(settings.allowedOrigins == ["https://shop.example", "http://localhost:3000", "https://shop.example"])
        #expect(settings.title == "Bella's Bakery")
        #expect(settings.welcomeMessage == "")
        #expect(settings.primaryColor == "#8a4b2a")
        #expect(settings.primaryTextColor == "#fff")
        #expect(settings.position == .left)
        #expect(settings.maxMessageChars == 500)
        #expect(settings.maxFrameBytes == 4096)
        #expect(settings.sessionDays == 30)
    }

    @Test(arguments: [
        ("allowedOrigins", JSONValue.string("https://a.example"), "settings.allowedOrigins", "expected an array of origins"),
        ("allowedOrigins", JSONValue.array([.string("https://a.example/path")]), "settings.allowedOrigins[0]", "no path"),
        ("allowedOrigins", JSONValue.array([.string("ftp://a.example")]), "settings.allowedOrigins[0]", "ftp://a.example"),
        ("allowedOrigins", JSONValue.array([.number(1)]), "settings.allowedOrigins[0]", "expected a string"),
        ("primaryColor", JSONValue.string("brown"), "settings.primaryColor", "#rrggbb"),
        ("position", JSONValue.string("top"), "settings.position", "\"left\" or \"right\""),
        ("title", JSONValue.string("   "), "settings.title", "1 to 80"),
        ("maxMessageChars", JSONValue.number(0), "settings.maxMessageChars", "from 1 to 20000"),
        ("idleTimeoutSeconds", JSONValue.number(5), "settings.idleTimeoutSeconds", "from 30"),
        ("maxFrameBytes", JSONValue.number(2048), "settings.maxFrameBytes", "use at least 8256"),
    ])
    func refusesBadSettings(key: String, value: JSONValue, path: String, reason: String) {
        #expect {
            _ = try WebChatTestChannel.adapter(settings: [key: value])
        } throws: { error in
            guard let error = error as? ChannelConfigurationError else { return false }
            return error.key == path && error.description.contains(reason)
        }
    }

    @Test func tokenSecretMustBeLong() throws {
        #expect(throws: ChannelConfigurationError.self) {
            _ = try WebChatChannelAdapter(configuration: WebChatTestChannel.configuration(secrets: ["tokenSecret": Secret("short")]))
        }
        let long = Secret(String(repeating: "k", count: 32))
        let adapter = try WebChatChannelAdapter(configuration: WebChatTestChannel.configuration(secrets: ["tokenSecret": long]))
        #expect(adapter.settings.tokenSecret == long)
    }
}
