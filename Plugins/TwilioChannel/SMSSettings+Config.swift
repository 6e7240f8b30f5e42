import ChannelKit
import Foundation

extension SMSSettings {
    /// The settings and secret keys the SMS channel reads.
    enum Key {
        /// Required setting: `AC` followed by 32 hex digits.
        static let accountSid = "accountSid"
        /// Setting: the sending number in E.164; exactly one of it and `messagingServiceSid`.
        static let fromNumber = "fromNumber"
        /// Setting: `MG` followed by 32 hex digits; exactly one of it and `fromNumber`.
        static let messagingServiceSid = "messagingServiceSid"
        /// Optional absolute http(s) URL, default ``SMSSettings/defaultAPIBaseURL``.
        static let apiBaseURL = "apiBaseURL"
        /// Optional integer in ``SMSSettings/maxSegmentsRange``, default 3.
        static let maxSegments = "maxSegments"
        /// Optional non-empty text, default ``SMSSettings/defaultHelpText``.
        static let helpText = "helpText"
        /// Optional absolute http(s) URL for delivery status callbacks.
        static let statusCallbackURL = "statusCallbackURL"
        /// Required secret: the account's auth token.
        static let authToken = "authToken"
    }

    /// Reads and validates a channel's configuration.
    ///
    /// - `settings.accountSid` (required): `AC` and 32 hex digits.
    /// - `settings.fromNumber` or `settings.messagingServiceSid` (exactly one): a number in E.164
    ///   (`+` and 2 to 15 digits, not starting with 0), or `MG` and 32 hex digits.
    /// - `settings.apiBaseURL` (optional): an absolute http or https URL.
    /// - `settings.maxSegments` (optional): an integer in ``maxSegmentsRange``.
    /// - `settings.helpText` (optional): non-empty text.
    /// - `settings.statusCallbackURL` (optional): an absolute http or https URL.
    /// - `secrets.authToken` (required).
    ///
    /// - Throws: ``ChannelConfigurationError`` naming the offending key.
    public init(configuration: ChannelConfiguration) throws(ChannelConfigurationError) {
        self.accountSid = try Self.sid(Key.accountSid, prefix: "AC", in: configuration, required: true) ?? ""
        self.authToken = try configuration.requireSecret(Key.authToken)
        self.sender = try Self.sender(in: configuration)
        self.apiBaseURL = try Self.apiBaseURL(in: configuration)
        self.maxSegments = try Self.maxSegments(in: configuration)
        self.helpText = try Self.helpText(in: configuration)
        self.statusCallbackURL = try configuration.url(Key.statusCallbackURL)?.absoluteString
    }

    /// Whether `text` is a number in E.164: `+`, then 2 to 15 digits, the first not 0.
    public static func isE164(_ text: String) -> Bool {
        let digits = text.utf8.dropFirst()
        return text.hasPrefix("+") && (2...15).contains(digits.count)
            && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            && digits.first != UInt8(ascii: "0")
    }

    private static func sid(
        _ key: String,
        prefix: String,
        in configuration: ChannelConfiguration,
        required: Bool
    ) throws(ChannelConfigurationError) -> String? {
        let value = required ? try configuration.requireString(key) : try configuration.string(key)
        guard let value else { return nil }
        let hex = value.utf8.dropFirst(2)
        guard value.hasPrefix(prefix), hex.count == 32, hex.allSatisfy(isHexDigit) else {
            throw ChannelConfigurationError(
                key: "settings.\(key)",
                reason: "expected \(prefix) followed by 32 hex digits, as shown in the Twilio console, found \"\(value.prefix(40))\""
            )
        }
        return value
    }

    private static func sender(in configuration: ChannelConfiguration) throws(ChannelConfigurationError) -> Sender {
        let number = try configuration.string(Key.fromNumber)
        let service = try sid(Key.messagingServiceSid, prefix: "MG", in: configuration, required: false)
        switch (number, service) {
        case (let number?, nil):
            guard isE164(number) else {
                throw ChannelConfigurationError(
                    key: "settings.\(Key.fromNumber)",
                    reason: "expected a phone number in E.164 such as +14155550100, found \"\(number.prefix(40))\""
                )
            }
            return .number(number)
        case (nil, let service?):
            return .messagingService(service)
        case (.some, .some):
            throw ChannelConfigurationError(
                key: "settings.\(Key.fromNumber)",
                reason: "set either fromNumber or messagingServiceSid, not both"
            )
        case (nil, nil):
            throw ChannelConfigurationError(
                key: "settings.\(Key.fromNumber)",
                reason: "is required unless settings.\(Key.messagingServiceSid) is set"
            )
        }
    }

    private static func apiBaseURL(in configuration: ChannelConfiguration) throws(ChannelConfigurationError) -> String {
        guard let url = try configuration.url(Key.apiBaseURL) else { return defaultAPIBaseURL }
        guard url.query == nil, url.fragment == nil else {
            throw ChannelConfigurationError(key: "settings.\(Key.apiBaseURL)", reason: "must not have a query or a fragment")
        }
        var text = url.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    private static func maxSegments(in configuration: ChannelConfiguration) throws(ChannelConfigurationError) -> Int {
        let range = maxSegmentsRange
        let outOfRange = ChannelConfigurationError(
            key: "settings.\(Key.maxSegments)",
            reason: "expected an integer from \(range.lowerBound) to \(range.upperBound)"
        )
        // Checked first: `int(_:)` cannot represent numbers beyond Int's range.
        if case .number(let raw)? = configuration.settings[Key.maxSegments],
           !(Double(range.lowerBound)...Double(range.upperBound)).contains(raw) {
            throw outOfRange
        }
        guard let value = try configuration.int(Key.maxSegments) else { return defaultMaxSegments }
        guard range.contains(value) else { throw outOfRange }
        return value
    }

    private static func helpText(in configuration: ChannelConfiguration) throws(ChannelConfigurationError) -> String {
        guard let text = try configuration.string(Key.helpText) else { return defaultHelpText }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw ChannelConfigurationError(key: "settings.\(Key.helpText)", reason: "must not be empty")
        }
        return trimmed
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): true
        default: false
        }
    }
}
