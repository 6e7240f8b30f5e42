import ChannelKit
import Foundation

extension EmailSettings {
    /// The settings and secret keys the email channel reads.
    enum Key {
        /// Required setting: the sender address of replies.
        static let fromAddress = "fromAddress"
        /// Optional setting: the sender's display name.
        static let fromName = "fromName"
        /// Optional setting: the Reply-To address of replies.
        static let replyToAddress = "replyToAddress"
        /// Optional absolute http(s) URL, default ``EmailSettings/defaultAPIBaseURL``.
        static let apiBaseURL = "apiBaseURL"
        /// Optional setting: `"path"` (default) or `"basic"`.
        static let inboundAuth = "inboundAuth"
        /// Setting required with `inboundAuth: "basic"`: the Basic auth user name.
        static let inboundUser = "inboundUser"
        /// Optional setting: base64 DER of the Event Webhook's P-256 verification key.
        static let eventWebhookPublicKey = "eventWebhookPublicKey"
        /// Optional integer in ``EmailSettings/eventMaxAgeRange``, default 600; 0 switches the check off.
        static let eventMaxAgeSeconds = "eventMaxAgeSeconds"
        /// Optional integer in ``EmailSettings/maxMessageBytesRange``, default 20 MiB.
        static let maxMessageBytes = "maxMessageBytes"
        /// Optional text, default ``EmailSettings/defaultGreeting``; empty for none.
        static let greeting = "greeting"
        /// Optional text, default ``EmailSettings/defaultSignOff``; empty for none.
        static let signOff = "signOff"
        /// Required secret: the SendGrid API key.
        static let apiKey = "apiKey"
        /// Secret required with `inboundAuth: "path"`: the Inbound Parse URL's last path segment.
        static let inboundSecret = "inboundSecret"
        /// Secret required with `inboundAuth: "basic"`: the Basic auth password.
        static let inboundPassword = "inboundPassword"
    }

    /// The shortest `inboundSecret` accepted.
    public static let minimumInboundSecretLength = 16
    /// The longest `greeting` or `signOff` accepted, in characters.
    public static let maxTemplateLength = 500

    /// Reads and validates a channel's configuration.
    ///
    /// - `settings.fromAddress` (required): an email address.
    /// - `settings.fromName` (optional): one line of at most 100 characters.
    /// - `settings.replyToAddress` (optional): an email address.
    /// - `settings.apiBaseURL` (optional): an absolute http or https URL.
    /// - `settings.inboundAuth` (optional): `"path"` (default) or `"basic"`.
    /// - `settings.inboundUser` (with `"basic"` only, then required): a user name without `:`.
    /// - `settings.eventWebhookPublicKey` (optional): base64 DER of a P-256 public key.
    /// - `settings.eventMaxAgeSeconds` (optional): an integer in ``eventMaxAgeRange``.
    /// - `settings.maxMessageBytes` (optional): an integer in ``maxMessageBytesRange``.
    /// - `settings.greeting`, `settings.signOff` (optional): text of at most 500 characters.
    /// - `secrets.apiKey` (required): one line.
    /// - `secrets.inboundSecret` (with `"path"` only, then required): at least 16 of the
    ///   characters `A–Z a–z 0–9 - . _ ~`, not `events`.
    /// - `secrets.inboundPassword` (with `"basic"` only, then required).
    ///
    /// - Throws: ``ChannelConfigurationError`` naming the offending key.
    public init(configuration: ChannelConfiguration) throws(ChannelConfigurationError) {
        fromAddress = try Self.address(Key.fromAddress, in: configuration, required: true) ?? ""
        fromName = try Self.line(Key.fromName, in: configuration, maxLength: 100)
        replyToAddress = try Self.address(Key.replyToAddress, in: configuration, required: false)
        apiBaseURL = try Self.apiBaseURL(in: configuration)
        apiKey = try configuration.requireSecret(Key.apiKey)
        guard !apiKey.value.contains(where: { $0.isNewline || $0 == " " }) else {
            throw ChannelConfigurationError(key: "secrets.\(Key.apiKey)", reason: "must be one line without spaces")
        }
        inboundAuth = try Self.inboundAuth(in: configuration)
        eventWebhookPublicKey = try Self.publicKey(in: configuration)
        let maxAge = try Self.integer(Key.eventMaxAgeSeconds, in: configuration, range: Self.eventMaxAgeRange) ?? Self.defaultEventMaxAgeSeconds
        eventMaxAgeSeconds = maxAge == 0 ? nil : maxAge
        maxMessageBytes = try Self.integer(Key.maxMessageBytes, in: configuration, range: Self.maxMessageBytesRange) ?? Self.defaultMaxMessageBytes
        greeting = try Self.template(Key.greeting, in: configuration) ?? Self.defaultGreeting
        signOff = try Self.template(Key.signOff, in: configuration) ?? Self.defaultSignOff
    }

    private static func address(_ key: String, in configuration: ChannelConfiguration, required: Bool) throws(ChannelConfigurationError) -> String? {
        let value = required ? try configuration.requireString(key) : try configuration.string(key)
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard MailAddress.isValid(trimmed) else {
            throw ChannelConfigurationError(
                key: "settings.\(key)",
                reason: "expected an email address such as support@example.com, found \"\(value.prefix(80))\""
            )
        }
        return trimmed
    }

    private static func line(_ key: String, in configuration: ChannelConfiguration, maxLength: Int) throws(ChannelConfigurationError) -> String? {
        guard let value = try configuration.string(key) else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= maxLength, !trimmed.contains(where: \.isNewline) else {
            throw ChannelConfigurationError(key: "settings.\(key)", reason: "expected one line of 1 to \(maxLength) characters")
        }
        return trimmed
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

    private static func inboundAuth(in configuration: ChannelConfiguration) throws(ChannelConfigurationError) -> InboundAuth {
        let mode = try configuration.string(Key.inboundAuth) ?? "path"
        let user = try configuration.string(Key.inboundUser)
        switch mode {
        case "path":
            guard user == nil else {
                throw ChannelConfigurationError(key: "settings.\(Key.inboundUser)", reason: "is only used with inboundAuth \"basic\"")
            }
            guard configuration.secrets[Key.inboundPassword] == nil else {
                throw ChannelConfigurationError(key: "secrets.\(Key.inboundPassword)", reason: "is only used with inboundAuth \"basic\"")
            }
            let secret = try configuration.requireSecret(Key.inboundSecret)
            let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
            guard secret.value.count >= minimumInboundSecretLength,
                  secret.value.unicodeScalars.allSatisfy(allowed.contains),
                  secret.value != eventsPathSegment else {
                throw ChannelConfigurationError(
                    key: "secrets.\(Key.inboundSecret)",
                    reason: "expected at least \(minimumInboundSecretLength) of the characters A-Z a-z 0-9 - . _ ~ (it is a URL path segment), e.g. from `openssl rand -hex 24`"
                )
            }
            return .path(secret: secret)
        case "basic":
            guard configuration.secrets[Key.inboundSecret] == nil else {
                throw ChannelConfigurationError(key: "secrets.\(Key.inboundSecret)", reason: "is only used with inboundAuth \"path\"")
            }
            guard let user, !user.isEmpty, !user.contains(":"), !user.contains(where: { $0.isWhitespace }) else {
                throw ChannelConfigurationError(
                    key: "settings.\(Key.inboundUser)",
                    reason: "is required with inboundAuth \"basic\": a user name without spaces or colons"
                )
            }
            return .basic(user: user, password: try configuration.requireSecret(Key.inboundPassword))
        default:
            throw ChannelConfigurationError(key: "settings.\(Key.inboundAuth)", reason: "expected \"path\" or \"basic\", found \"\(mode.prefix(40))\"")
        }
    }

    private static func publicKey(in configuration: ChannelConfiguration) throws(ChannelConfigurationError) -> Signature.P256PublicKey? {
        guard let text = try configuration.string(Key.eventWebhookPublicKey) else { return nil }
        do {
            return try Signature.P256PublicKey(base64: text)
        } catch {
            throw ChannelConfigurationError(
                key: "settings.\(Key.eventWebhookPublicKey)",
                reason: "\(error.reason); copy the Verification Key shown in SendGrid under Settings → Mail Settings → Event Webhook"
            )
        }
    }

    private static func integer(_ key: String, in configuration: ChannelConfiguration, range: ClosedRange<Int>) throws(ChannelConfigurationError) -> Int? {
        let outOfRange = ChannelConfigurationError(
            key: "settings.\(key)",
            reason: "expected an integer from \(range.lowerBound) to \(range.upperBound)"
        )
        // Checked first: `int(_:)` cannot represent numbers beyond Int's range.
        if case .number(let raw)? = configuration.settings[key], !(Double(range.lowerBound)...Double(range.upperBound)).contains(raw) {
            throw outOfRange
        }
        guard let value = try configuration.int(key) else { return nil }
        guard range.contains(value) else { throw outOfRange }
        return value
    }

    private static func template(_ key: String, in configuration: ChannelConfiguration) throws(ChannelConfigurationError) -> String? {
        guard let text = try configuration.string(key) else { return nil }
        guard text.count <= maxTemplateLength else {
            throw ChannelConfigurationError(key: "settings.\(key)", reason: "must be at most \(maxTemplateLength) characters")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
