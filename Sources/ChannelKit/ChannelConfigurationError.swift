/// A channel's configuration cannot build its adapter: a missing, unknown or ill-typed key.
public struct ChannelConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The key's path inside the channel entry, such as `settings.callbackURL`.
    public var key: String
    /// What is wrong with it.
    public var reason: String

    public init(key: String, reason: String) {
        self.key = key
        self.reason = reason
    }

    public var description: String { "\(key): \(reason)" }
}
