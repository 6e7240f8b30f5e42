import ChannelKit
import Foundation

/// Builds Graph API requests for one app: `POST {baseURL}/{version}/{node}/messages` with the
/// access token as a bearer token and a JSON body.
struct GraphAPI: Hashable, Sendable {
    /// The base URL without a trailing slash (`https://graph.facebook.com`).
    let baseURL: String
    /// The Graph API version (`v21.0`).
    let version: String
    let accessToken: Secret

    /// `{baseURL}/{version}/{node}/messages`.
    func messagesURL(of node: String) -> String {
        "\(baseURL)/\(version)/\(node)/messages"
    }

    /// A POST of `body`, encoded as JSON with sorted keys, to `node`'s messages edge.
    ///
    /// - Throws: a permanent ``SendFailure`` when the body cannot be encoded.
    func postMessage(_ body: some Encodable, to node: String) throws(SendFailure) -> ProviderRequest {
        let data: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            data = try encoder.encode(body)
        } catch {
            throw SendFailure(isRetryable: false, reason: "the request body could not be encoded as JSON")
        }
        let headers: HeaderFields = [
            "Authorization": "Bearer \(accessToken.value)",
            "Content-Type": "application/json",
        ]
        return ProviderRequest(method: "POST", url: messagesURL(of: node), headers: headers, body: data)
    }
}
