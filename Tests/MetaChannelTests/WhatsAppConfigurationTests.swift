import ChannelKit
import Foundation
import MetaChannel
import Testing

@Suite struct WhatsAppConfigurationTests {
    @Test func hasDefaultsForEverythingButThePhoneNumberID() throws {
        let adapter = try WhatsAppChannelAdapter(configuration: WhatsAppTestChannel.configuration())
        #expect(WhatsAppChannelAdapter.type == "whatsapp")
        #expect(WhatsAppChannelAdapter.kind == .whatsapp)
        #expect(adapter.ref == WhatsAppTestChannel.ref)
        #expect(adapter.settings.phoneNumberID == "106540352242922")
        #expect(adapter.settings.app.graphBaseURL == "https://graph.facebook.com")
        #expect(adapter.settings.app.graphVersion == "v21.0")
        #expect(adapter.settings.maxTextLength == 4096)
        #expect(adapter.settings.template == nil)
        #expect(adapter.settings.listButtonText == "Options")
        #expect(adapter.capabilities == ChannelCapabilities(
            deliveryMode: .providerAPI,
            maxTextLength: 4096,
            markup: .plain,
            supportsMedia: true,
            supportsTypingIndicator: false,
            supportsQuickReplies: true,
            replyWindow: .seconds(86_400)
        ))
    }

    @Test func listsTheKeysItReads() {
        #expect(WhatsAppChannelAdapter.settingKeys == [
            "phoneNumberId", "graphBaseURL", "graphVersion", "maxTextLength", "template", "listButtonText", "typingIndicator",
        ])
        #expect(WhatsAppChannelAdapter.secretKeys == ["accessToken", "appSecret", "verifyToken"])
    }

    @Test func readsEverySetting() throws {
        let adapter = try WhatsAppTestChannel.adapter(settings: [
            "graphBaseURL": .string("http://127.0.0.1:8080/"),
            "graphVersion": .string("v23.0"),
            "maxTextLength": .number(1000),
            "template": .object(["name": .string("reopen_conversation"), "language": .string("es_MX")]),
            "listButtonText": .string("Opciones"),
            "typingIndicator": .bool(true),
        ])
        #expect(adapter.settings.app.graphBaseURL == "http://127.0.0.1:8080")
        #expect(adapter.settings.app.graphVersion == "v23.0")
        #expect(adapter.settings.maxTextLength == 1000)
        #expect(adapter.settings.template == WhatsAppTemplate(name: "reopen_conversation", language: "es_MX"))
        #expect(adapter.settings.listButtonText == "Opciones")
        #expect(adapter.capabilities.supportsTypingIndicator)
    }

    @Test func theTemplateLanguageDefaultsToUSEnglish() throws {
        let adapter = try WhatsAppTestChannel.adapter(settings: ["template": .object(["name": .string("hello_world")])])
        #expect(adapter.settings.template == WhatsAppTemplate(name: "hello_world", language: "en_US"))
    }

    @Test(arguments: [
        (["phoneNumberId": JSONValue.null], "settings.phoneNumberId"),
        (["phoneNumberId": .string("+1 555 0100")], "settings.phoneNumberId"),
        (["graphBaseURL": .string("graph.facebook.com")], "settings.graphBaseURL"),
        (["graphVersion": .string("21.0")], "settings.graphVersion"),
        (["graphVersion": .string("v21")], "settings.graphVersion"),
        (["maxTextLength": .number(5000)], "settings.maxTextLength"),
        (["maxTextLength": .number(0)], "settings.maxTextLength"),
        (["maxTextLength": .number(1e300)], "settings.maxTextLength"),
        (["template": .string("hello_world")], "settings.template"),
        (["template": .object(["language": .string("en_US")])], "settings.template.name"),
        (["template": .object(["name": .string("x"), "lang": .string("en_US")])], "settings.template.lang"),
        (["listButtonText": .string("A label far too long for WhatsApp")], "settings.listButtonText"),
        (["typingIndicator": .string("yes")], "settings.typingIndicator"),
    ] as [([String: JSONValue], String)])
    func refusesABadSetting(settings: [String: JSONValue], key: String) {
        let error = #expect(throws: ChannelConfigurationError.self) {
            try WhatsAppChannelAdapter(configuration: WhatsAppTestChannel.configuration(settings: settings))
        }
        #expect(error?.key == key)
    }

    @Test(arguments: ["accessToken", "appSecret", "verifyToken"])
    func requiresEachSecret(secret: String) {
        var secrets = MetaApp.secrets
        secrets[secret] = nil
        let error = #expect(throws: ChannelConfigurationError.self) {
            try WhatsAppChannelAdapter(configuration: WhatsAppTestChannel.configuration(secrets: secrets))
        }
        #expect(error?.key == "secrets.\(secret)")
    }
}
