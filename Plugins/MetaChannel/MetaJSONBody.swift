import ChannelKit
import Foundation

/// Reads the JSON body of a Meta webhook (or of a Graph API answer) safely: a bounded nesting
/// depth is checked before decoding, so a tiny body of ten thousand `[` cannot exhaust the stack.
enum MetaJSONBody {
    /// How deeply arrays and objects may nest. Meta's deepest payloads nest about ten levels.
    static let maxNestingDepth = 32

    /// The body's root object.
    ///
    /// - Throws: 400 `malformed_payload` when the body is empty, nests too deeply, is not JSON or
    ///   is not an object.
    static func root(of body: Data) throws(WebhookError) -> MetaPayload {
        guard !body.isEmpty else {
            throw WebhookError.malformed("the body is empty; expected a JSON object")
        }
        guard let value = decode(body) else {
            throw WebhookError.malformed("the body is not valid JSON, or nests deeper than \(maxNestingDepth) levels")
        }
        guard case .object(let members) = value else {
            throw WebhookError.malformed("the body must be a JSON object, found \(value.typeName)")
        }
        return MetaPayload(members, path: "")
    }

    /// The decoded value, or nil when `data` is not JSON or nests too deeply.
    static func decode(_ data: Data) -> JSONValue? {
        guard !nestsDeeper(than: maxNestingDepth, data) else { return nil }
        return try? JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// Whether arrays and objects nest deeper than `limit`; brackets inside strings do not count.
    private static func nestsDeeper(than limit: Int, _ data: Data) -> Bool {
        JSONNesting.exceeds(limit, in: data)
    }
}
