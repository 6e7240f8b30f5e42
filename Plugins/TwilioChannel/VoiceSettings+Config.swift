import ChannelKit
import Foundation

extension VoiceSettings {
    /// The settings and secret keys the voice channel reads.
    enum Key {
        /// Required setting: `AC` followed by 32 hex digits.
        static let accountSid = "accountSid"
        /// Optional `<Say>` voice, default ``VoiceSettings/defaultVoice``.
        static let voice = "voice"
        /// Optional BCP-47 language tag, default ``VoiceSettings/defaultLanguage``.
        static let language = "language"
        /// Optional non-empty text, default ``VoiceSettings/defaultGreeting``.
        static let greeting = "greeting"
        /// Optional non-empty text, default ``VoiceSettings/defaultRepromptText``.
        static let repromptText = "repromptText"
        /// Optional non-empty text, default ``VoiceSettings/defaultFarewell``.
        static let farewell = "farewell"
        /// Optional staff number in E.164 to transfer handoffs to.
        static let humanNumber = "humanNumber"
        /// Optional non-empty text, default ``VoiceSettings/defaultTakeMessageText``.
        static let takeMessageText = "takeMessageText"
        /// Optional non-empty text, default ``VoiceSettings/defaultMessageTakenText``.
        static let messageTakenText = "messageTakenText"
        /// Optional integer in ``VoiceSettings/speechTimeoutRange``, default 5.
        static let speechTimeoutSeconds = "speechTimeoutSeconds"
        /// Optional integer in ``VoiceSettings/maxSpokenCharactersRange``, default 600.
        static let maxSpokenCharacters = "maxSpokenCharacters"
        /// Required secret: the account's auth token.
        static let authToken = "authToken"
    }

    /// Reads and validates a channel's configuration.
    ///
    /// - `settings.accountSid` (required): `AC` and 32 hex digits.
    /// - `settings.voice` (optional): a Twilio `<Say>` voice name, letters, digits, `.`, `-`, `_`.
    /// - `settings.language` (optional): a BCP-47 tag such as `en-US` or `es-MX`.
    /// - `settings.greeting`, `repromptText`, `farewell`, `takeMessageText`, `messageTakenText`
    ///   (optional): non-empty text, trimmed.
    /// - `settings.humanNumber` (optional): a number in E.164 (`+` and 2 to 15 digits, not
    ///   starting with 0).
    /// - `settings.speechTimeoutSeconds` (optional): an integer in ``speechTimeoutRange``.
    /// - `settings.maxSpokenCharacters` (optional): an integer in ``maxSpokenCharactersRange``.
    /// - `secrets.authToken` (required).
    ///
    /// - Throws: ``ChannelConfigurationError`` naming the offending key.
    public init(configuration: ChannelConfiguration) throws(ChannelConfigurationError) {
        self.accountSid = try Self.accountSid(in: configuration)
        self.authToken = try configuration.requireSecret(Key.authToken)
        self.voice = try Self.voice(in: configuration)
        self.language = try Self.language(in: configuration)
        self.greeting = try Self.text(Key.greeting, in: configuration) ?? Self.defaultGreeting
        self.repromptText = try Self.text(Key.repromptText, in: configuration) ?? Self.defaultRepromptText
        self.farewell = try Self.text(Key.farewell, in: configuration) ?? Self.defaultFarewell
        self.humanNumber = try Self.humanNumber(in: configuration)
        self.takeMessageText = try Self.text(Key.takeMessageText, in: configuration) ?? Self.defaultTakeMessageText
        self.messageTakenText = try Self.text(Key.messageTakenText, in: configuration) ?? Self.defaultMessageTakenText
        self.speechTimeoutSeconds = try Self.integer(
            Key.speechTimeoutSeconds, in: Self.speechTimeoutRange, configuration: configuration
        ) ?? Self.defaultSpeechTimeoutSeconds
        self.maxSpokenCharacters = try Self.integer(
            Key.maxSpokenCharacters, in: Self.maxSpokenCharactersRange, configuration: configuration
        ) ?? Self.defaultMaxSpokenCharacters
    }

    private static func accountSid(in configuration: ChannelConfiguration) throws(ChannelConfigurationError) -> String {
        let value = try configuration.requireString(Key.accountSid)
        let hex = value.utf8.dropFirst(2)
        guard value.hasPrefix("AC"), hex.count == 32, hex.allSatisfy(\.isHexDigit) else {
            throw ChannelConfigurationError(
                key: "settings.\(Key.accountSid)",
                reason: "expected AC followed by 32 hex digits, as shown in the Twilio console, found \"\(value.prefix(40))\""
            )
        }
        return value
    }

    private static func voice(in configuration: ChannelConfiguration) throws(ChannelConfigurationError) -> String {
        guard let value = try configuration.string(Key.voice) else { return defaultVoice }
        let allowed = value.utf8.allSatisfy { $0.isASCIIAlphanumeric || [UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_")].contains($0) }
        guard !value.isEmpty, value.utf8.count <= 64, allowed else {
            throw ChannelConfigurationError(
                key: "settings.\(Key.voice)",
                reason: "expected a Twilio <Say> voice such as Polly.Joanna or Google.en-US-Standard-C, found \"\(value.prefix(40))\""
            )
        }
        return value
    }

    private static func language(in configuration: ChannelConfiguration) throws(ChannelConfigurationError) -> String {
        guard let value = try configuration.string(Key.language) else { return defaultLanguage }
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        let primaryIsValid = parts.first.map { (2...3).contains($0.count) && $0.utf8.allSatisfy(\.isASCIILetter) } ?? false
        let restIsValid = parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.utf8.allSatisfy(\.isASCIIAlphanumeric) }
        guard primaryIsValid, restIsValid else {
            throw ChannelConfigurationError(
                key: "settings.\(Key.language)",
                reason: "expected a BCP-47 language tag such as en-US or es-MX, found \"\(value.prefix(40))\""
            )
        }
        return value
    }

    private static func humanNumber(in configuration: ChannelConfiguration) throws(ChannelConfigurationError) -> String? {
        guard let value = try configuration.string(Key.humanNumber) else { return nil }
        guard SMSSettings.isE164(value) else {
            throw ChannelConfigurationError(
                key: "settings.\(Key.humanNumber)",
                reason: "expected a phone number in E.164 such as +14155550100, found \"\(value.prefix(40))\""
            )
        }
        return value
    }

    private static func text(_ key: String, in configuration: ChannelConfiguration) throws(ChannelConfigurationError) -> String? {
        guard let text = try configuration.string(key) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw ChannelConfigurationError(key: "settings.\(key)", reason: "must not be empty")
        }
        return trimmed
    }

    private static func integer(
        _ key: String,
        in range: ClosedRange<Int>,
        configuration: ChannelConfiguration
    ) throws(ChannelConfigurationError) -> Int? {
        let outOfRange = ChannelConfigurationError(
            key: "settings.\(key)",
            reason: "expected an integer from \(range.lowerBound) to \(range.upperBound)"
        )
        // Checked first: `int(_:)` cannot represent numbers beyond Int's range.
        if case .number(let raw)? = configuration.settings[key],
           !(Double(range.lowerBound)...Double(range.upperBound)).contains(raw) {
            throw outOfRange
        }
        guard let value = try configuration.int(key) else { return nil }
        guard range.contains(value) else { throw outOfRange }
        return value
    }
}

extension UInt8 {
    /// Whether the byte is an ASCII letter.
    fileprivate var isASCIILetter: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self | 0x20)
    }

    /// Whether the byte is an ASCII letter or digit.
    fileprivate var isASCIIAlphanumeric: Bool {
        isASCIILetter || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }

    /// Whether the byte is an ASCII hex digit.
    fileprivate var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self | 0x20)
    }
}
