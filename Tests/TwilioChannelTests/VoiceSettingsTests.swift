import ChannelKit
import Testing
import TwilioChannel

@Suite struct VoiceSettingsTests {
    @Test func readsDefaults() throws {
        let adapter = try VoiceTestCall.adapter()
        #expect(VoiceChannelAdapter.type == "voice")
        #expect(VoiceChannelAdapter.kind == .voice)
        #expect(adapter.ref == VoiceTestCall.ref)
        let settings = adapter.settings
        #expect(settings.accountSid == TestAccount.accountSid)
        #expect(settings.authToken == TestAccount.authToken)
        #expect(settings.voice == "Polly.Joanna")
        #expect(settings.language == "en-US")
        #expect(settings.greeting == VoiceSettings.defaultGreeting)
        #expect(settings.repromptText.hasPrefix("Sorry, I didn't catch that."))
        #expect(settings.farewell == VoiceSettings.defaultFarewell)
        #expect(settings.humanNumber == nil)
        #expect(settings.takeMessageText == VoiceSettings.defaultTakeMessageText)
        #expect(settings.messageTakenText == VoiceSettings.defaultMessageTakenText)
        #expect(settings.speechTimeoutSeconds == 5)
        #expect(settings.maxSpokenCharacters == 600)
        #expect(adapter.capabilities == ChannelCapabilities(
            deliveryMode: .webhookReply, maxTextLength: 1_000, markup: .speech, supportsMedia: false,
            supportsTypingIndicator: false, supportsQuickReplies: false, replyWindow: nil
        ))
    }

    @Test func readsEverySetting() throws {
        let settings = try VoiceTestCall.adapter(settings: [
            "voice": .string("Google.en-GB-Standard-A"),
            "language": .string("en-GB"),
            "greeting": .string("  Hello, Bella's Bakery here. What can I do for you?  "),
            "repromptText": .string("Are you still there?"),
            "farewell": .string(VoiceTestCall.farewell),
            "humanNumber": .string(VoiceTestCall.staffNumber),
            "takeMessageText": .string("Leave a message after this."),
            "messageTakenText": .string("Got it, thanks. Bye!"),
            "speechTimeoutSeconds": .number(30),
            "maxSpokenCharacters": .number(400),
        ]).settings
        #expect(settings.voice == "Google.en-GB-Standard-A")
        #expect(settings.language == "en-GB")
        #expect(settings.greeting == "Hello, Bella's Bakery here. What can I do for you?")
        #expect(settings.repromptText == "Are you still there?")
        #expect(settings.farewell == VoiceTestCall.farewell)
        #expect(settings.humanNumber == VoiceTestCall.staffNumber)
        #expect(settings.takeMessageText == "Leave a message after this.")
        #expect(settings.messageTakenText == "Got it, thanks. Bye!")
        #expect(settings.speechTimeoutSeconds == 30)
        #expect(settings.maxSpokenCharacters == 400)
    }

    @Test func listsTheKeysItReads() {
        #expect(VoiceChannelAdapter.settingKeys == [
            "accountSid", "voice", "language", "greeting", "repromptText", "farewell", "humanNumber",
            "takeMessageText", "messageTakenText", "speechTimeoutSeconds", "maxSpokenCharacters",
        ])
        #expect(VoiceChannelAdapter.secretKeys == ["authToken"])
    }

    static let invalid: [(settings: [String: JSONValue?], key: String)] = [
        (["accountSid": nil], "settings.accountSid"),
        (["accountSid": .string("AC123")], "settings.accountSid"),
        (["accountSid": .string("MG0123456789abcdef0123456789abcdef")], "settings.accountSid"),
        (["accountSid": .string("AC0123456789abcdef0123456789abcdeg")], "settings.accountSid"),
        (["accountSid": .number(12)], "settings.accountSid"),
        (["voice": .string("")], "settings.voice"),
        (["voice": .string("Polly Joanna")], "settings.voice"),
        (["voice": .string(#"alice" loop="0"#)], "settings.voice"),
        (["language": .string("english")], "settings.language"),
        (["language": .string("en_US")], "settings.language"),
        (["language": .string("e")], "settings.language"),
        (["language": .number(1)], "settings.language"),
        (["greeting": .string("   ")], "settings.greeting"),
        (["repromptText": .string("")], "settings.repromptText"),
        (["farewell": .string("\n")], "settings.farewell"),
        (["takeMessageText": .string(" ")], "settings.takeMessageText"),
        (["messageTakenText": .bool(true)], "settings.messageTakenText"),
        (["humanNumber": .string("4155550199")], "settings.humanNumber"),
        (["humanNumber": .string("+1 415 555 0199")], "settings.humanNumber"),
        (["humanNumber": .string("+0155550199")], "settings.humanNumber"),
        (["speechTimeoutSeconds": .number(0)], "settings.speechTimeoutSeconds"),
        (["speechTimeoutSeconds": .number(31)], "settings.speechTimeoutSeconds"),
        (["speechTimeoutSeconds": .number(2.5)], "settings.speechTimeoutSeconds"),
        (["speechTimeoutSeconds": .string("5")], "settings.speechTimeoutSeconds"),
        (["maxSpokenCharacters": .number(50)], "settings.maxSpokenCharacters"),
        (["maxSpokenCharacters": .number(1e300)], "settings.maxSpokenCharacters"),
    ]

    @Test(arguments: 0..<invalid.count)
    func namesTheKeyInError(index: Int) {
        let example = Self.invalid[index]
        let error = #expect(throws: ChannelConfigurationError.self) { try VoiceTestCall.adapter(settings: example.settings) }
        #expect(error?.key == example.key, "\(String(describing: error))")
    }

    @Test func requiresTheAuthToken() {
        let error = #expect(throws: ChannelConfigurationError.self) {
            try VoiceChannelAdapter(configuration: VoiceTestCall.configuration(secrets: [:]))
        }
        #expect(error?.key == "secrets.authToken")
    }

    @Test func errorsSayWhatIsExpected() {
        let number = #expect(throws: ChannelConfigurationError.self) {
            try VoiceTestCall.adapter(settings: ["humanNumber": .string("0415 555 0199")])
        }
        #expect(number?.reason.contains("E.164") == true)
        let timeout = #expect(throws: ChannelConfigurationError.self) {
            try VoiceTestCall.adapter(settings: ["speechTimeoutSeconds": .number(60)])
        }
        #expect(timeout?.reason == "expected an integer from 1 to 30")
    }
}
