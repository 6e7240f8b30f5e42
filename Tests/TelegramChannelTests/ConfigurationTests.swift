import ChannelKit
import Foundation
import TelegramChannel
import Testing

@Suite struct ConfigurationTests {
    @Test func describesItself() {
        #expect(TelegramChannelAdapter.type == "telegram")
        #expect(TelegramChannelAdapter.kind == .telegram)
        #expect(TelegramChannelAdapter.settingKeys == ["apiBaseURL", "mode", "parseMode", "maxTextLength"])
        #expect(TelegramChannelAdapter.secretKeys == ["botToken", "webhookSecret"])
    }

    @Test func defaultsToWebhookModeHTMLAnd4096() throws {
        let adapter = try TestBot.adapter()
        #expect(adapter.ref == TestBot.ref)
        #expect(adapter.settings.mode == .webhook)
        #expect(adapter.settings.parseMode == .html)
        #expect(adapter.settings.apiBaseURL == "https://api.telegram.org")
        #expect(adapter.settings.maxTextLength == 4096)
        #expect(adapter.settings.webhookSecret == TestBot.webhookSecret)
        #expect(!adapter.pollsForUpdates)
        #expect(adapter.capabilities == ChannelCapabilities(
            deliveryMode: .providerAPI,
            maxTextLength: 4096,
            markup: .html,
            supportsMedia: true,
            supportsTypingIndicator: true,
            supportsQuickReplies: true,
            replyWindow: nil
        ))
    }

    @Test func readsEverySetting() throws {
        let adapter = try TestBot.adapter(settings: [
            "apiBaseURL": .string("http://127.0.0.1:8081/"),
            "mode": .string("polling"),
            "parseMode": .string("markdownv2"),
            "maxTextLength": .number(1000),
        ])
        #expect(adapter.settings.apiBaseURL == "http://127.0.0.1:8081")
        #expect(adapter.settings.mode == .polling)
        #expect(adapter.pollsForUpdates)
        #expect(adapter.settings.parseMode == .markdownV2)
        #expect(adapter.capabilities.markup == .markdown)
        #expect(adapter.capabilities.maxTextLength == 1000)
    }

    @Test func plainParseModeAdvertisesPlainText() throws {
        let adapter = try TestBot.adapter(settings: ["parseMode": .string("plain")])
        #expect(adapter.capabilities.markup == .plain)
    }

    @Test(arguments: [[:], ["botToken": Secret("")]] as [[String: Secret]])
    func requiresABotToken(secrets: [String: Secret]) throws {
        var all = secrets
        all["webhookSecret"] = TestBot.webhookSecret
        let configuration = TestBot.configuration(secrets: all)
        let error = try #require(throws: ChannelConfigurationError.self) { try TelegramChannelAdapter(configuration: configuration) }
        #expect(error.key == "secrets.botToken")
    }

    @Test(arguments: ["AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "bot:AAHdq", "987654:", "123456789:AAH/../x", "123456789:AAH dq", "1:2:3"])
    func refusesAMalformedBotTokenWithoutEchoingIt(token: String) throws {
        let configuration = TestBot.configuration(secrets: ["botToken": Secret(token), "webhookSecret": TestBot.webhookSecret])
        let error = try #require(throws: ChannelConfigurationError.self) { try TelegramChannelAdapter(configuration: configuration) }
        #expect(error.key == "secrets.botToken")
        #expect(!error.description.contains(token))
    }

    @Test func requiresAWebhookSecretInWebhookMode() throws {
        for secrets in [["botToken": TestBot.token], ["botToken": TestBot.token, "webhookSecret": Secret("")]] {
            let configuration = TestBot.configuration(secrets: secrets)
            let error = try #require(throws: ChannelConfigurationError.self) { try TelegramChannelAdapter(configuration: configuration) }
            #expect(error.key == "secrets.webhookSecret")
            #expect(error.reason.contains("webhook mode"))
        }
    }

    @Test func pollingNeedsNoWebhookSecret() throws {
        let configuration = TestBot.configuration(settings: ["mode": .string("polling")], secrets: ["botToken": TestBot.token])
        let adapter = try TelegramChannelAdapter(configuration: configuration)
        #expect(adapter.settings.webhookSecret == nil)
        #expect(adapter.pollsForUpdates)
    }

    @Test(arguments: ["has spaces", "dots.are.not.allowed", "ünïcode", String(repeating: "a", count: 257)])
    func refusesAWebhookSecretTelegramWouldRefuse(secret: String) throws {
        let configuration = TestBot.configuration(secrets: ["botToken": TestBot.token, "webhookSecret": Secret(secret)])
        let error = try #require(throws: ChannelConfigurationError.self) { try TelegramChannelAdapter(configuration: configuration) }
        #expect(error.key == "secrets.webhookSecret")
    }

    @Test func acceptsAWebhookSecretOf256Characters() throws {
        let secret = Secret(String(repeating: "A-z_9", count: 51) + "x")
        let configuration = TestBot.configuration(secrets: ["botToken": TestBot.token, "webhookSecret": secret])
        #expect(throws: Never.self) { try TelegramChannelAdapter(configuration: configuration) }
    }

    @Test(arguments: [
        ("mode", JSONValue.string("push")),
        ("mode", .bool(true)),
        ("parseMode", .string("Markdown")),
        ("parseMode", .number(1)),
        ("apiBaseURL", .string("api.telegram.org")),
        ("apiBaseURL", .string("ftp://api.telegram.org")),
        ("apiBaseURL", .string("https://api.telegram.org/?x=1")),
        ("maxTextLength", .number(4097)),
        ("maxTextLength", .number(15)),
        ("maxTextLength", .number(100.5)),
        ("maxTextLength", .number(1e300)),
        ("maxTextLength", .string("4096")),
    ])
    func refusesABadSettingNamingIt(key: String, value: JSONValue) throws {
        let configuration = TestBot.configuration(settings: [key: value])
        let error = try #require(throws: ChannelConfigurationError.self) { try TelegramChannelAdapter(configuration: configuration) }
        #expect(error.key == "settings.\(key)")
    }
}
