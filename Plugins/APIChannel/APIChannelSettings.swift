import ChannelKit
import Foundation

/// The validated configuration of one API channel.
///
/// Built from the channel's entry in the configuration file by
/// ``init(configuration:)``, which documents the keys it reads.
public struct APIChannelSettings: Hashable, Sendable {
    /// The `maxTextLength` used when the setting is absent.
    public static let defaultMaxTextLength = 4096
    /// The values `maxTextLength` may take.
    public static let maxTextLengthRange = 1...100_000

    /// Where replies are POSTed: the integrator's endpoint.
    public let callbackURL: URL
    /// The shared secret both sides sign bodies with (HMAC-SHA256).
    public let signingSecret: Secret
    /// The longest text one reply request carries; longer replies are split into parts.
    public let maxTextLength: Int
}
