import ChannelKit

extension MetaAppSettings {
    /// The settings and secrets keys every Meta channel reads.
    enum Key {
        /// Required secret: the Graph API access token.
        static let accessToken = "accessToken"
        /// Required secret: the app secret that signs webhooks.
        static let appSecret = "appSecret"
        /// Required secret: the webhook verify token.
        static let verifyToken = "verifyToken"
        /// Optional setting: the Graph API base URL.
        static let graphBaseURL = "graphBaseURL"
        /// Optional setting: the Graph API version, `v` then digits, a dot and digits.
        static let graphVersion = "graphVersion"

        static let settings: Set<String> = [graphBaseURL, graphVersion]
        static let secrets: Set<String> = [accessToken, appSecret, verifyToken]
    }

    /// Reads and validates the Meta app part of a channel's configuration.
    ///
    /// - `secrets.accessToken`, `secrets.appSecret`, `secrets.verifyToken` (required).
    /// - `settings.graphBaseURL` (optional): an absolute http(s) URL, default `defaultGraphBaseURL`.
    /// - `settings.graphVersion` (optional): such as `v21.0`, default ``defaultGraphVersion``.
    ///
    /// - Throws: ``ChannelConfigurationError`` naming the offending key.
    public init(configuration: ChannelConfiguration, defaultGraphBaseURL: String = MetaAppSettings.defaultGraphBaseURL) throws(ChannelConfigurationError) {
        self.accessToken = try configuration.requireSecret(Key.accessToken)
        self.appSecret = try configuration.requireSecret(Key.appSecret)
        self.verifyToken = try configuration.requireSecret(Key.verifyToken)
        let baseURL = try configuration.url(Key.graphBaseURL)?.absoluteString ?? defaultGraphBaseURL
        self.graphBaseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        let version = try configuration.string(Key.graphVersion) ?? Self.defaultGraphVersion
        guard Self.isGraphVersion(version) else {
            throw ChannelConfigurationError(key: "settings.\(Key.graphVersion)", reason: "expected a Graph API version such as \"v21.0\", found \"\(version.prefix(20))\"")
        }
        self.graphVersion = version
    }

    /// `v` followed by digits, a dot and digits.
    private static func isGraphVersion(_ text: String) -> Bool {
        guard text.first == "v" else { return false }
        let numbers = text.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        return numbers.count == 2 && numbers.allSatisfy { !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}

extension ChannelConfiguration {
    /// An optional integer setting within `range`, `defaultValue` when absent.
    func boundedInt(_ key: String, in range: ClosedRange<Int>, default defaultValue: Int) throws(ChannelConfigurationError) -> Int {
        let outOfRange = ChannelConfigurationError(
            key: "settings.\(key)",
            reason: "expected an integer from \(range.lowerBound) to \(range.upperBound)"
        )
        // Checked before `int(_:)`, which cannot represent numbers beyond Int's range.
        if case .number(let raw)? = settings[key], !(Double(range.lowerBound)...Double(range.upperBound)).contains(raw) {
            throw outOfRange
        }
        guard let value = try int(key) else { return defaultValue }
        guard range.contains(value) else { throw outOfRange }
        return value
    }

    /// A required setting holding a Graph node id: digits only (a phone number id, an account id).
    func requireNodeID(_ key: String) throws(ChannelConfigurationError) -> String {
        let value = try requireString(key)
        guard value.count <= 64, value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ChannelConfigurationError(key: "settings.\(key)", reason: "expected the numeric id Meta shows, found \"\(value.prefix(64))\"")
        }
        return value
    }
}
