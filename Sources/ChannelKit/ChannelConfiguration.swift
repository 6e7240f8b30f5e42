import Foundation

/// Everything an adapter is built from: the channel's identity, its settings and resolved secrets.
public struct ChannelConfiguration: Sendable {
    public var ref: ChannelRef
    /// Non-secret settings, as written in the configuration file.
    public var settings: [String: JSONValue]
    /// Secrets, already resolved from `env:NAME` references.
    public var secrets: [String: Secret]

    public init(ref: ChannelRef, settings: [String: JSONValue] = [:], secrets: [String: Secret] = [:]) {
        self.ref = ref
        self.settings = settings
        self.secrets = secrets
    }

    /// A string setting, or nil when absent. Throws when present with another type.
    public func string(_ key: String) throws(ChannelConfigurationError) -> String? {
        switch settings[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        case let other?: throw ChannelConfigurationError(key: "settings.\(key)", reason: "expected a string, found \(other.typeName)")
        }
    }

    /// A required string setting.
    public func requireString(_ key: String) throws(ChannelConfigurationError) -> String {
        guard let value = try string(key), !value.isEmpty else {
            throw ChannelConfigurationError(key: "settings.\(key)", reason: "is required")
        }
        return value
    }

    /// An absolute http(s) URL setting, or nil when absent.
    public func url(_ key: String) throws(ChannelConfigurationError) -> URL? {
        guard let text = try string(key) else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host?.isEmpty == false else {
            throw ChannelConfigurationError(key: "settings.\(key)", reason: "expected an absolute http or https URL, found \"\(text)\"")
        }
        return url
    }

    /// A required absolute http(s) URL setting.
    public func requireURL(_ key: String) throws(ChannelConfigurationError) -> URL {
        guard let url = try url(key) else {
            throw ChannelConfigurationError(key: "settings.\(key)", reason: "is required")
        }
        return url
    }

    /// An integer setting, or nil when absent.
    public func int(_ key: String) throws(ChannelConfigurationError) -> Int? {
        switch settings[key] {
        case nil, .null?: return nil
        case .number(let value)?:
            guard let integer = Int(exactly: value) else {
                throw ChannelConfigurationError(key: "settings.\(key)", reason: "expected an integer, found \(value)")
            }
            return integer
        case let other?: throw ChannelConfigurationError(key: "settings.\(key)", reason: "expected an integer, found \(other.typeName)")
        }
    }

    /// A boolean setting, or nil when absent.
    public func bool(_ key: String) throws(ChannelConfigurationError) -> Bool? {
        switch settings[key] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        case let other?: throw ChannelConfigurationError(key: "settings.\(key)", reason: "expected true or false, found \(other.typeName)")
        }
    }

    /// A required secret.
    public func requireSecret(_ key: String) throws(ChannelConfigurationError) -> Secret {
        guard let secret = secrets[key], !secret.value.isEmpty else {
            throw ChannelConfigurationError(key: "secrets.\(key)", reason: "is required")
        }
        return secret
    }
}
