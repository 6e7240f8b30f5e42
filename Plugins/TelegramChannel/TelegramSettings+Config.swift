import ChannelKit
import Foundation

extension TelegramSettings {
    /// The settings and secret keys the Telegram channel reads.
    enum Key {
        /// Required secret: the bot token from BotFather.
        static let botToken = "botToken"
        /// Secret, required in webhook mode: 1–256 characters `A-Z a-z 0-9 _ -`.
        static let webhookSecret = "webhookSecret"
        /// Optional absolute http(s) URL, default ``TelegramSettings/defaultAPIBaseURL``.
        static let apiBaseURL = "apiBaseURL"
        /// Optional, `webhook` (default) or `polling`.
        static let mode = "mode"
        /// Optional, `HTML` (default), `MarkdownV2` or `plain`.
        static let parseMode = "parseMode"
        /// Optional integer in ``TelegramSettings/maxTextLengthRange``, default 4096.
        static let maxTextLength = "maxTextLength"
    }

    /// Reads and validates a channel's configuration.
    ///
    /// - `secrets.botToken` (required): `<bot id>:<key>`, letters, digits, `_`, `-` and one `:`.
    /// - `secrets.webhookSecret` (required in webhook mode, optional when polling): 1–256
    ///   characters from `A-Z`, `a-z`, `0-9`, `_` and `-`, as `setWebhook` demands.
    /// - `settings.apiBaseURL` (optional): an absolute http or https URL.
    /// - `settings.mode` (optional): `webhook` or `polling`.
    /// - `settings.parseMode` (optional): `HTML`, `MarkdownV2` or `plain` (any letter case).
    /// - `settings.maxTextLength` (optional): an integer in ``maxTextLengthRange``.
    ///
    /// - Throws: ``ChannelConfigurationError`` naming the offending key.
    public init(configuration: ChannelConfiguration) throws(ChannelConfigurationError) {
        self.botToken = try Self.botToken(in: configuration)
        self.mode = try Self.mode(in: configuration)
        self.webhookSecret = try Self.webhookSecret(in: configuration, mode: mode)
        self.apiBaseURL = try Self.apiBaseURL(in: configuration)
        self.parseMode = try Self.parseMode(in: configuration)
        self.maxTextLength = try Self.maxTextLength(in: configuration)
    }

    private static func botToken(in configuration: ChannelConfiguration) throws(ChannelConfigurationError) -> Secret {
        let token = try configuration.requireSecret(Key.botToken)
        let parts = token.value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2,
              !parts[0].isEmpty, parts[0].allSatisfy(\.isASCIIDigit),
              !parts[1].isEmpty, parts[1].unicodeScalars.allSatisfy(isTokenCharacter) else {
            // The value itself is never echoed: it is a secret.
            throw ChannelConfigurationError(
                key: "secrets.\(Key.botToken)",
                reason: "expected a bot token from BotFather, such as 123456789:AAE…, made of digits, a colon and letters, digits, '_' or '-'"
            )
        }
        return token
    }

    private static func webhookSecret(in configuration: ChannelConfiguration, mode: Mode) throws(ChannelConfigurationError) -> Secret? {
        guard let secret = configuration.secrets[Key.webhookSecret], !secret.value.isEmpty else {
            guard mode == .polling else {
                throw ChannelConfigurationError(key: "secrets.\(Key.webhookSecret)", reason: "is required in webhook mode")
            }
            return nil
        }
        guard secret.value.unicodeScalars.count <= 256, secret.value.unicodeScalars.allSatisfy(isTokenCharacter) else {
            throw ChannelConfigurationError(
                key: "secrets.\(Key.webhookSecret)",
                reason: "expected 1 to 256 characters from A-Z, a-z, 0-9, '_' and '-', as Telegram's setWebhook accepts"
            )
        }
        return secret
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

    private static func mode(in configuration: ChannelConfiguration) throws(ChannelConfigurationError) -> Mode {
        guard let text = try configuration.string(Key.mode) else { return .webhook }
        guard let mode = Mode(rawValue: text.lowercased()) else {
            throw ChannelConfigurationError(key: "settings.\(Key.mode)", reason: "expected \"webhook\" or \"polling\", found \"\(text.prefix(40))\"")
        }
        return mode
    }

    private static func parseMode(in configuration: ChannelConfiguration) throws(ChannelConfigurationError) -> TelegramParseMode {
        guard let text = try configuration.string(Key.parseMode) else { return .html }
        guard let parseMode = TelegramParseMode.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else {
            let allowed = TelegramParseMode.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw ChannelConfigurationError(key: "settings.\(Key.parseMode)", reason: "expected one of \(allowed), found \"\(text.prefix(40))\"")
        }
        return parseMode
    }

    private static func maxTextLength(in configuration: ChannelConfiguration) throws(ChannelConfigurationError) -> Int {
        let range = maxTextLengthRange
        let outOfRange = ChannelConfigurationError(
            key: "settings.\(Key.maxTextLength)",
            reason: "expected an integer from \(range.lowerBound) to \(range.upperBound) (Telegram's limit)"
        )
        // Checked first: `int(_:)` cannot represent numbers beyond Int's range.
        if case .number(let raw)? = configuration.settings[Key.maxTextLength],
           !(Double(range.lowerBound)...Double(range.upperBound)).contains(raw) {
            throw outOfRange
        }
        guard let value = try configuration.int(Key.maxTextLength) else { return defaultMaxTextLength }
        guard range.contains(value) else { throw outOfRange }
        return value
    }

    /// The characters Telegram allows in a webhook secret token, and in a bot token's key part.
    private static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": true
        default: false
        }
    }
}

extension Character {
    /// Whether the character is one of the ASCII digits 0–9.
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
