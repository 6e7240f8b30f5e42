import ChannelKit
import Foundation

/// Reads the Send API's answer: `{"recipient_id": "<IGSID>", "message_id": "<MID>"}` on success, a
/// Graph error object otherwise (``GraphError/failure(for:)``).
enum InstagramSendResult {
    private struct Body: Decodable {
        var messageID: String?
        enum CodingKeys: String, CodingKey { case messageID = "message_id" }
    }

    /// The message's `mid`, which read events later refer to; nil when a 2xx answer carries none.
    static func receipt(for response: ProviderResponse) throws(SendFailure) -> SendReceipt {
        if let failure = GraphError.failure(for: response) { throw failure }
        let body = MetaJSONBody.decode(response.body).flatMap { _ in try? JSONDecoder().decode(Body.self, from: response.body) }
        let id = body?.messageID.flatMap { $0.isEmpty ? nil : $0 }
        return SendReceipt(providerMessageID: id)
    }
}
