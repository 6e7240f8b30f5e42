/// A secret value (token, signing key) that never prints itself.
///
/// `description` and `debugDescription` are redacted, so a secret that ends up in a log line or an
/// error by accident shows as `<redacted>`. Read ``value`` only where the secret is used.
public struct Secret: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret itself.
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
}
