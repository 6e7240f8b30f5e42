import ChannelKit
import Foundation

/// Decodes the small JSON documents SendGrid embeds in its posts (`charsets`, `envelope`,
/// `attachment-info`) and the Event Webhook's body, after a nesting check.
enum SendGridJSON {
    /// The deepest nesting accepted; SendGrid's documents are two or three levels deep.
    static let maxDepth = 16

    /// The JSON value of `bytes`, or nil when they are not JSON or nest too deep.
    static func value(_ bytes: some Collection<UInt8>) -> JSONValue? {
        guard !bytes.isEmpty, !JSONNesting.exceeds(maxDepth, in: bytes) else { return nil }
        return try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    /// The members of a JSON object, or nil.
    static func object(_ bytes: some Collection<UInt8>) -> [String: JSONValue]? {
        guard case .object(let members)? = value(bytes) else { return nil }
        return members
    }

    /// The string members of a JSON object (others dropped), or empty.
    static func strings(_ bytes: some Collection<UInt8>) -> [String: String] {
        (object(bytes) ?? [:]).compactMapValues { value in
            if case .string(let text) = value { text } else { nil }
        }
    }
}
