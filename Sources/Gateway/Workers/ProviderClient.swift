import AsyncHTTPClient
import ChannelKit
import Foundation
import NIOCore
import NIOHTTP1

/// How one HTTP request to a provider ended, from the point of view of "could it have arrived?".
enum ProviderCallResult: Sendable {
    /// The provider answered.
    case response(ProviderResponse)
    /// The request certainly did not reach the provider (no connection): safe to retry.
    case notSent(String)
    /// The request was sent but no answer came (timeout, connection dropped): the provider may
    /// have accepted it.
    case maybeSent(String)
}

/// Sends adapters' rendered requests with AsyncHTTPClient.
struct ProviderClient: Sendable {
    let client: HTTPClient
    let timeout: Duration
    /// The largest provider response body read; providers answer with small JSON.
    let maxResponseBytes = 1 << 20

    func send(_ request: ProviderRequest) async -> ProviderCallResult {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for field in request.headers {
            outgoing.headers.add(name: field.name, value: field.value)
        }
        if !request.body.isEmpty {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        }
        let response: HTTPClientResponse
        do {
            response = try await client.execute(outgoing, timeout: .nanoseconds(Int64(timeout.nanosecondsClamped)))
        } catch {
            return Self.classify(error)
        }
        var headers = HeaderFields()
        for (name, value) in response.headers {
            headers.append(name: name, value: value)
        }
        do {
            let body = try await response.body.collect(upTo: maxResponseBytes)
            return .response(ProviderResponse(status: Int(response.status.code), headers: headers, body: Data(buffer: body)))
        } catch {
            // The provider answered with a status; a body we could not read does not change it.
            return .response(ProviderResponse(status: Int(response.status.code), headers: headers))
        }
    }

    /// Errors before a connection existed mean nothing was sent; errors after mean it may have been.
    static func classify(_ error: any Error) -> ProviderCallResult {
        let text = String(describing: error)
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .deadlineExceeded, .readTimeout, .remoteConnectionClosed, .writeTimeout, .cancelled:
                return .maybeSent(text)
            default:
                return .notSent(text)
            }
        }
        return .notSent(text)
    }
}

extension Duration {
    var nanosecondsClamped: Int64 {
        let (seconds, attoseconds) = components
        guard seconds < Int64.max / 1_000_000_000 else { return .max }
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
