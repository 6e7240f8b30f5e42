import ChannelKit
import Foundation

/// Reads the integrator's answer to a reply request: `{"id": "…"}` on success,
/// `{"error": {"code": "…", "message": "…"}}` on failure. Both are optional.
enum SendResultBody {
    /// The longest id or error code taken from an answer; longer ones are dropped.
    static let maxFieldLength = 256

    /// The integrator's id for the accepted message, if the body carries one.
    static func messageID(in body: Data) -> String? {
        guard case .object(let members)? = decode(body) else { return nil }
        return boundedString(members["id"])
    }

    /// The integrator's error code, if the body carries one.
    static func errorCode(in body: Data) -> String? {
        guard case .object(let members)? = decode(body),
              case .object(let error)? = members["error"] else { return nil }
        return boundedString(error["code"])
    }

    private static func boundedString(_ value: JSONValue?) -> String? {
        guard case .string(let text)? = value, !text.isEmpty, text.count <= maxFieldLength else { return nil }
        return text
    }

    private static func decode(_ body: Data) -> JSONValue? {
        guard !body.isEmpty, !JSONNesting.exceeds(APIChannelLimits.maxNestingDepth, in: body) else { return nil }
        return try? JSONDecoder().decode(JSONValue.self, from: body)
    }
}
