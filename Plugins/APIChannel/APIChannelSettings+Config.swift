import ChannelKit
import Foundation

extension APIChannelSettings {
    /// The settings keys the API channel reads.
    enum Key {
        /// Required. The absolute http(s) URL replies are POSTed to.
        static let callbackURL = "callbackURL"
        /// Optional integer, 1...100000, default 4096: the longest text of one reply part.
        static let maxTextLength = "maxTextLength"
        /// Required secret. The HMAC-SHA256 key for `X-Signature`, inbound and outbound.
        static let signingSecret = "signingSecret"
    }

    /// Reads and validates a channel's configuration.
    ///
    /// - `settings.callbackURL` (required): an absolute http or https URL.
    /// - `settings.maxTextLength` (optional): an integer in ``maxTextLengthRange``, default
    ///   ``defaultMaxTextLength``.
    /// - `secrets.signingSecret` (required): the shared signing secret.
    ///
    /// - Throws: ``ChannelConfigurationError`` naming the offending key.
    public init(configuration: ChannelConfiguration) throws(ChannelConfigurationError) {
        self.callbackURL = try configuration.requireURL(Key.callbackURL)
        self.signingSecret = try configuration.requireSecret(Key.signingSecret)
        self.maxTextLength = try Self.maxTextLength(in: configuration)
    }

    private static func maxTextLength(in configuration: ChannelConfiguration) throws(ChannelConfigurationError) -> Int {
        let range = maxTextLengthRange
        let outOfRange = ChannelConfigurationError(
            key: "settings.\(Key.maxTextLength)",
            reason: "expected an integer from \(range.lowerBound) to \(range.upperBound)"
        )
        // Checked before `int(_:)`, which cannot represent numbers beyond Int's range.
        if case .number(let raw)? = configuration.settings[Key.maxTextLength],
           !(Double(range.lowerBound)...Double(range.upperBound)).contains(raw) {
            throw outOfRange
        }
        guard let value = try configuration.int(Key.maxTextLength) else { return defaultMaxTextLength }
        guard range.contains(value) else { throw outOfRange }
        return value
    }
}
