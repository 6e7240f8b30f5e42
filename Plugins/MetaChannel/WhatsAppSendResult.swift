import ChannelKit
import Foundation

/// Reads the Cloud API's answer to a send:
/// `{"messaging_product": "whatsapp", "contacts": [{"input", "wa_id"}], "messages": [{"id": "wamid.…"}]}`
/// on success, a Graph error object otherwise (``GraphError/failure(for:)``).
enum WhatsAppSendResult {
    private struct Body: Decodable {
        struct Message: Decodable { var id: String? }
        var messages: [Message]?
    }

    /// The message's `wamid`, which later status notifications refer to; nil when a 2xx answer
    /// carries none.
    static func receipt(for response: ProviderResponse) throws(SendFailure) -> SendReceipt {
        if let failure = GraphError.failure(for: response) { throw failure }
        let body = MetaJSONBody.decode(response.body).flatMap { _ in try? JSONDecoder().decode(Body.self, from: response.body) }
        let id = body?.messages?.first?.id.flatMap { $0.isEmpty ? nil : $0 }
        return SendReceipt(providerMessageID: id)
    }
}
