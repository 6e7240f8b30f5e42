import ChannelKit
import Foundation

/// Decodes the JSON bodies Telegram sends (a webhook's Update) and answers (`getUpdates`).
enum TelegramPayload {
    /// How deeply arrays and objects may nest. Real updates nest about ten levels (a reply inside
    /// a message inside an update); deeper bodies are refused before the recursive decoder runs.
    static let maxNestingDepth = 64

    /// The body's JSON value.
    ///
    /// - Throws: 400 `malformed_payload` when the body is empty, nests too deeply or is not JSON.
    static func decode(_ body: Data) throws(WebhookError) -> JSONValue {
        guard !body.isEmpty else {
            throw WebhookError.malformed("the body is empty; expected a Telegram Update object")
        }
        guard !exceedsNesting(body) else {
            throw WebhookError.malformed("the body nests arrays and objects deeper than \(maxNestingDepth) levels")
        }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: body)
        } catch {
            throw WebhookError.malformed("the body is not valid JSON")
        }
    }

    /// The body as one JSON object (a webhook's Update).
    static func object(in body: Data) throws(WebhookError) -> TelegramObject {
        let value = try decode(body)
        guard case .object(let members) = value else {
            throw WebhookError.malformed("the body must be a Telegram Update object, found \(value.typeName)")
        }
        return TelegramObject(members, path: "")
    }

    /// Whether brackets outside strings nest deeper than ``maxNestingDepth``. The text need not
    /// be valid JSON; the decoder judges that afterwards.
    static func exceedsNesting(_ body: Data) -> Bool {
        JSONNesting.exceeds(maxNestingDepth, in: body)
    }
}
