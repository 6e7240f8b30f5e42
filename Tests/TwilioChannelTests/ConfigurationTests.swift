import ChannelKit
import Testing
import TwilioChannel

@Suite struct ConfigurationTests {
    @Test func readsDefaults() throws {
        let adapter = try TestAccount.adapter()
        #expect(SMSChannelAdapter.type == "sms")
        #expect(SMSChannelAdapter.kind == .sms)
        #expect(adapter.settings.accountSid == TestAccount.accountSid)
        #expect(adapter.settings.sender == .number(TestAccount.fromNumber))
        #expect(adapter.settings.apiBaseURL == "https://api.twilio.com")
        #expect(adapter.settings.maxSegments == 3)
        #expect(adapter.settings.helpText == SMSSettings.defaultHelpText)
        #expect(adapter.settings.statusCallbackURL == nil)
        #expect(adapter.capabilities == ChannelCapabilities(
            deliveryMode: .providerAPI, maxTextLength: 459, markup: .plain, supportsMedia: true,
            supportsTypingIndicator: false, supportsQuickReplies: false, replyWindow: nil
        ))
    }

    @Test func readsEverySetting() throws {
        let adapter = try TestAccount.adapter(settings: [
            "fromNumber": nil,
            "messagingServiceSid": .string(TestAccount.serviceSid),
            "apiBaseURL": .string("http://127.0.0.1:9999/"),
            "maxSegments": .number(1),
            "helpText": .string("  Bella's Bakery: call 555-0100. Reply STOP to opt out.  "),
            "statusCallbackURL": .string("https://gw.example.com/webhooks/bakery-sms"),
        ])
        #expect(adapter.settings.sender == .messagingService(TestAccount.serviceSid))
        #expect(adapter.settings.apiBaseURL == "http://127.0.0.1:9999")
        #expect(adapter.settings.maxSegments == 1)
        #expect(adapter.capabilities.maxTextLength == 160)
        #expect(adapter.settings.helpText == "Bella's Bakery: call 555-0100. Reply STOP to opt out.")
        #expect(adapter.settings.statusCallbackURL == "https://gw.example.com/webhooks/bakery-sms")
    }

    static let invalid: [(settings: [String: JSONValue?], key: String)] = [
        (["accountSid": nil], "settings.accountSid"),
        (["accountSid": .string("AC123")], "settings.accountSid"),
        (["accountSid": .string("MG0123456789abcdef0123456789abcdef")], "settings.accountSid"),
        (["accountSid": .string("AC0123456789abcdef0123456789abcdeg")], "settings.accountSid"),
        (["accountSid": .number(12)], "settings.accountSid"),
        (["fromNumber": nil], "settings.fromNumber"),
        (["fromNumber": .string("4155550100")], "settings.fromNumber"),
        (["fromNumber": .string("+0155550100")], "settings.fromNumber"),
        (["fromNumber": .string("+1 415 555 0100")], "settings.fromNumber"),
        (["fromNumber": .string("+1234567890123456")], "settings.fromNumber"),
        (["messagingServiceSid": .string(TestAccount.serviceSid)], "settings.fromNumber"),
        (["fromNumber": nil, "messagingServiceSid": .string("MG12")], "settings.messagingServiceSid"),
        (["apiBaseURL": .string("api.twilio.com")], "settings.apiBaseURL"),
        (["apiBaseURL": .string("https://api.twilio.com?x=1")], "settings.apiBaseURL"),
        (["maxSegments": .number(0)], "settings.maxSegments"),
        (["maxSegments": .number(11)], "settings.maxSegments"),
        (["maxSegments": .number(2.5)], "settings.maxSegments"),
        (["maxSegments": .number(1e300)], "settings.maxSegments"),
        (["maxSegments": .string("3")], "settings.maxSegments"),
        (["helpText": .string("   ")], "settings.helpText"),
        (["statusCallbackURL": .string("/status")], "settings.statusCallbackURL"),
    ]

    @Test(arguments: 0..<invalid.count)
    func namesTheKeyInError(index: Int) {
        let example = Self.invalid[index]
        let error = #expect(throws: ChannelConfigurationError.self) { try TestAccount.adapter(settings: example.settings) }
        #expect(error?.key == example.key, "\(String(describing: error))")
    }

    @Test func requiresTheAuthToken() {
        let error = #expect(throws: ChannelConfigurationError.self) {
            try SMSChannelAdapter(configuration: TestAccount.configuration(secrets: [:]))
        }
        #expect(error?.key == "secrets.authToken")
    }

    @Test func theErrorForBothSendersSaysSo() {
        let error = #expect(throws: ChannelConfigurationError.self) {
            try TestAccount.adapter(settings: ["messagingServiceSid": .string(TestAccount.serviceSid)])
        }
        #expect(error?.reason.contains("not both") == true)
    }

    @Test func listsItsKeys() {
        #expect(SMSChannelAdapter.settingKeys == [
            "accountSid", "fromNumber", "messagingServiceSid", "apiBaseURL", "maxSegments", "helpText", "statusCallbackURL",
        ])
        #expect(SMSChannelAdapter.secretKeys == ["authToken"])
    }
}
