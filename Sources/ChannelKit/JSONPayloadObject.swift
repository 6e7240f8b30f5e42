/// One JSON object of a provider's payload, with the path from the body's root
/// (`entry[0].changes[0].value.messages[1]`) so that every error names the field precisely.
///
/// JSON `null` reads as absent. Each adapter adds typed accessors for its provider in an
/// extension (strings, integers, nested objects), throwing ``WebhookError`` built with
/// ``mistyped(_:expected:found:)`` and ``missing(_:expected:)``.
public struct JSONPayloadObject: Sendable {
    /// The object's members.
    public let fields: [String: JSONValue]
    /// The object's path from the root: empty for the body itself, `[2]` for a batch item.
    public let path: String

    public init(_ fields: [String: JSONValue], path: String) {
        self.fields = fields
        self.path = path
    }

    /// The path of one of this object's members, as error messages show it.
    public func path(of key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// A member's value; nil when absent or `null`.
    public func value(_ key: String) -> JSONValue? {
        switch fields[key] {
        case nil, .null?: nil
        case let value?: value
        }
    }

    /// The error for a member of the wrong JSON type.
    public func mistyped(_ key: String, expected: String, found: JSONValue) -> WebhookError {
        WebhookError.malformed("\"\(path(of: key))\" must be \(expected), found \(found.typeName)")
    }

    /// The error for a required member that is absent.
    public func missing(_ key: String, expected: String) -> WebhookError {
        WebhookError.malformed("\"\(path(of: key))\" must be \(expected), but it is missing")
    }
}
