import ChannelKit
import Foundation

extension WebChatSettings {
    /// The settings keys the web chat channel reads.
    enum Key {
        static let allowedOrigins = "allowedOrigins"
        static let title = "title"
        static let welcomeMessage = "welcomeMessage"
        static let primaryColor = "primaryColor"
        static let primaryTextColor = "primaryTextColor"
        static let position = "position"
        static let placeholder = "placeholder"
        static let maxMessageChars = "maxMessageChars"
        static let maxFrameBytes = "maxFrameBytes"
        static let maxConnectionsPerIP = "maxConnectionsPerIP"
        static let messagesPerMinutePerIP = "messagesPerMinutePerIP"
        static let idleTimeoutSeconds = "idleTimeoutSeconds"
        static let sessionDays = "sessionDays"
        /// Optional secret: the visitor-token signing key.
        static let tokenSecret = "tokenSecret"

        static let all: Set<String> = [
            allowedOrigins, title, welcomeMessage, primaryColor, primaryTextColor, position, placeholder,
            maxMessageChars, maxFrameBytes, maxConnectionsPerIP, messagesPerMinutePerIP, idleTimeoutSeconds, sessionDays,
        ]
    }

    /// Reads and validates a channel's configuration; every setting is optional.
    ///
    /// - Throws: ``ChannelConfigurationError`` naming the offending key.
    public init(configuration: ChannelConfiguration) throws(ChannelConfigurationError) {
        self.allowedOrigins = try Self.origins(in: configuration)
        self.title = try Self.text(Key.title, in: configuration, default: Self.defaultTitle, limit: 80)
        self.welcomeMessage = try configuration.string(Key.welcomeMessage) ?? Self.defaultWelcomeMessage
        self.primaryColor = try Self.color(Key.primaryColor, in: configuration, default: "#1f6feb")
        self.primaryTextColor = try Self.color(Key.primaryTextColor, in: configuration, default: "#ffffff")
        self.placeholder = try Self.text(Key.placeholder, in: configuration, default: "Type your message…", limit: 80)
        let position = try configuration.string(Key.position) ?? Position.right.rawValue
        guard let parsed = Position(rawValue: position) else {
            throw ChannelConfigurationError(key: "settings.\(Key.position)", reason: "expected \"left\" or \"right\", found \"\(position)\"")
        }
        self.position = parsed
        self.maxMessageChars = try Self.integer(Key.maxMessageChars, in: configuration, default: 2000, range: 1...20_000)
        self.maxFrameBytes = try Self.integer(Key.maxFrameBytes, in: configuration, default: 16_384, range: 1024...1_048_576)
        self.maxConnectionsPerIP = try Self.integer(Key.maxConnectionsPerIP, in: configuration, default: 20, range: 1...100_000)
        self.messagesPerMinutePerIP = try Self.integer(Key.messagesPerMinutePerIP, in: configuration, default: 30, range: 1...100_000)
        self.idleTimeoutSeconds = try Self.integer(Key.idleTimeoutSeconds, in: configuration, default: 75, range: 30...86_400)
        self.sessionDays = try Self.integer(Key.sessionDays, in: configuration, default: 180, range: 1...3650)
        self.tokenSecret = configuration.secrets[Key.tokenSecret].flatMap { $0.value.isEmpty ? nil : $0 }
        if let secret = tokenSecret, secret.value.utf8.count < 32 {
            throw ChannelConfigurationError(key: "secrets.\(Key.tokenSecret)", reason: "must be at least 32 characters long")
        }
        // A frame must be able to carry the longest message: up to 4 UTF-8 bytes per character,
        // plus the JSON around it.
        let needed = maxMessageChars * 4 + 256
        if maxFrameBytes < needed {
            throw ChannelConfigurationError(
                key: "settings.\(Key.maxFrameBytes)",
                reason: "\(maxFrameBytes) bytes cannot carry a message of maxMessageChars (\(maxMessageChars)) characters; use at least \(needed)"
            )
        }
    }

    private static func origins(in configuration: ChannelConfiguration) throws(ChannelConfigurationError) -> [String] {
        let key = "settings.\(Key.allowedOrigins)"
        switch configuration.settings[Key.allowedOrigins] {
        case nil, .null?:
            return []
        case .array(let values)?:
            var origins: [String] = []
            for (index, value) in values.enumerated() {
                guard case .string(let text) = value else {
                    throw ChannelConfigurationError(key: "\(key)[\(index)]", reason: "expected a string, found \(value.typeName)")
                }
                guard let origin = WebChatOrigin.normalize(text) else {
                    throw ChannelConfigurationError(
                        key: "\(key)[\(index)]",
                        reason: "expected an origin such as \"https://shop.example\" (scheme, host and optional port, no path) or \"*\", found \"\(text)\""
                    )
                }
                origins.append(origin)
            }
            return origins
        case let other?:
            throw ChannelConfigurationError(key: key, reason: "expected an array of origins, found \(other.typeName)")
        }
    }

    private static func text(_ name: String, in configuration: ChannelConfiguration, default fallback: String, limit: Int) throws(ChannelConfigurationError) -> String {
        guard let value = try configuration.string(name) else { return fallback }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= limit else {
            throw ChannelConfigurationError(key: "settings.\(name)", reason: "expected 1 to \(limit) characters")
        }
        return trimmed
    }

    private static func color(_ name: String, in configuration: ChannelConfiguration, default fallback: String) throws(ChannelConfigurationError) -> String {
        guard let value = try configuration.string(name) else { return fallback }
        let hex = value.dropFirst()
        guard value.hasPrefix("#"), hex.count == 6 || hex.count == 3, hex.allSatisfy(\.isHexDigit) else {
            throw ChannelConfigurationError(key: "settings.\(name)", reason: "expected a colour as #rrggbb, found \"\(value)\"")
        }
        return value.lowercased()
    }

    private static func integer(_ name: String, in configuration: ChannelConfiguration, default fallback: Int, range: ClosedRange<Int>) throws(ChannelConfigurationError) -> Int {
        let outOfRange = ChannelConfigurationError(key: "settings.\(name)", reason: "expected an integer from \(range.lowerBound) to \(range.upperBound)")
        if case .number(let raw)? = configuration.settings[name], !(Double(range.lowerBound)...Double(range.upperBound)).contains(raw) {
            throw outOfRange
        }
        guard let value = try configuration.int(name) else { return fallback }
        guard range.contains(value) else { throw outOfRange }
        return value
    }
}
