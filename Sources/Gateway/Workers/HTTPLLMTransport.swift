import AsyncHTTPClient
import Brain
import ChannelKit

/// Sends the LLM responder's chat-completions requests with AsyncHTTPClient, through the same
/// ``ProviderClient`` the outbound dispatcher uses (headers, body limit, error classification).
///
/// Every HTTP answer is returned, whatever its status; no answer at all throws
/// ``LLMTransportError``. The HTTP client is shared and shut down by whoever created it.
struct HTTPLLMTransport: LLMTransport {
    let client: HTTPClient

    func send(_ request: ProviderRequest, timeout: Duration) async throws -> ProviderResponse {
        switch await ProviderClient(client: client, timeout: timeout).send(request) {
        case .response(let response):
            return response
        case .notSent(let reason):
            throw LLMTransportError.unreachable(reason)
        case .maybeSent(let reason):
            throw LLMTransportError.noResponse(reason)
        }
    }
}
