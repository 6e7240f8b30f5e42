import ChannelKit
import EmailChannel
import Foundation
import Testing

@Suite struct ConfigurationTests {
    static func error(settings: [String: JSONValue?] = [:], secrets: [String: Secret]? = nil) throws -> ChannelConfigurationError {
        try #require(throws: ChannelConfigurationError.self) {
            try SendGridEmailAdapter(configuration: TestMailbox.configuration(settings: settings, secrets: secrets))
        }
    }

    @Test func buildsWithDefaults() throws {
        let adapter = try TestMailbox.adapter(settings: ["fromName": nil, "eventWebhookPublicKey": nil])
        #expect(SendGridEmailAdapter.type == "email")
        #expect(SendGridEmailAdapter.kind == .email)
        #expect(adapter.capabilities.deliveryMode == .providerAPI)
        #expect(adapter.capabilities.markup == .plain)
        #expect(adapter.capabilities.maxTextLength == 20_000)
        #expect(adapter.settings.apiBaseURL == "https://api.sendgrid.com")
        #expect(adapter.settings.inboundAuth == .path(secret: TestMailbox.inboundSecret))
        #expect(adapter.settings.eventMaxAgeSeconds == 600)
        #expect(adapter.settings.greeting == "Hello {name},")
        #expect(adapter.settings.signOff == "Best regards,\n{fromName}")
        #expect(adapter.settings.eventWebhookPublicKey == nil)
        #expect(SendGridEmailAdapter.settingKeys.contains("eventWebhookPublicKey"))
        #expect(SendGridEmailAdapter.secretKeys == ["apiKey", "inboundSecret", "inboundPassword"])
    }

    @Test(arguments: [
        (["fromAddress": nil], "settings.fromAddress"),
        (["fromAddress": .string("Bella's Bakery")], "settings.fromAddress"),
        (["fromAddress": .number(1)], "settings.fromAddress"),
        (["replyToAddress": .string("reply@")], "settings.replyToAddress"),
        (["fromName": .string("Two\nlines")], "settings.fromName"),
        (["apiBaseURL": .string("ftp://api.sendgrid.com")], "settings.apiBaseURL"),
        (["inboundAuth": .string("token")], "settings.inboundAuth"),
        (["inboundUser": .string("sendgrid")], "settings.inboundUser"),
        (["eventWebhookPublicKey": .string("not a key")], "settings.eventWebhookPublicKey"),
        (["eventWebhookPublicKey": .string("aGVsbG8gd29ybGQ=")], "settings.eventWebhookPublicKey"),
        (["eventMaxAgeSeconds": .number(-1)], "settings.eventMaxAgeSeconds"),
        (["maxMessageBytes": .number(100)], "settings.maxMessageBytes"),
        (["maxMessageBytes": .number(1e30)], "settings.maxMessageBytes"),
        (["greeting": .string(String(repeating: "x", count: 501))], "settings.greeting"),
    ] as [([String: JSONValue?], String)])
    func invalidSettingsNameTheirKey(settings: [String: JSONValue?], key: String) throws {
        #expect(try Self.error(settings: settings).key == key)
    }

    @Test(arguments: [
        (["inboundSecret": TestMailbox.inboundSecret], "secrets.apiKey"),
        (["apiKey": TestMailbox.apiKey], "secrets.inboundSecret"),
        (["apiKey": TestMailbox.apiKey, "inboundSecret": Secret("short")], "secrets.inboundSecret"),
        (["apiKey": TestMailbox.apiKey, "inboundSecret": Secret("has/slash/0123456789")], "secrets.inboundSecret"),
        (["apiKey": Secret("SG.x y"), "inboundSecret": TestMailbox.inboundSecret], "secrets.apiKey"),
        (["apiKey": TestMailbox.apiKey, "inboundSecret": TestMailbox.inboundSecret, "inboundPassword": Secret("p")], "secrets.inboundPassword"),
    ] as [([String: Secret], String)])
    func invalidSecretsNameTheirKey(secrets: [String: Secret], key: String) throws {
        #expect(try Self.error(secrets: secrets).key == key)
    }

    @Test func basicAuthNeedsAUserAndAPassword() throws {
        let settings: [String: JSONValue?] = ["inboundAuth": .string("basic"), "inboundUser": .string("sendgrid")]
        #expect(try Self.error(settings: settings, secrets: ["apiKey": TestMailbox.apiKey]).key == "secrets.inboundPassword")
        #expect(try Self.error(settings: ["inboundAuth": .string("basic")], secrets: ["apiKey": TestMailbox.apiKey, "inboundPassword": Secret("p")]).key
            == "settings.inboundUser")
        #expect(try Self.error(settings: settings, secrets: ["apiKey": TestMailbox.apiKey, "inboundPassword": Secret("p"), "inboundSecret": TestMailbox.inboundSecret]).key
            == "secrets.inboundSecret")
        let adapter = try TestMailbox.adapter(settings: settings, secrets: ["apiKey": TestMailbox.apiKey, "inboundPassword": Secret("p")])
        #expect(adapter.settings.inboundAuth == .basic(user: "sendgrid", password: Secret("p")))
    }

    @Test func readsAPEMKeyToo() throws {
        let der = TestMailbox.signingKey.publicKey.derRepresentation.base64EncodedString()
        let pem = "-----BEGIN PUBLIC KEY-----\n\(der.prefix(64))\n\(der.dropFirst(64))\n-----END PUBLIC KEY-----\n"
        let adapter = try TestMailbox.adapter(settings: ["eventWebhookPublicKey": .string(pem)])
        try adapter.verify(TestMailbox.eventPost("[]"))
    }
}
