import AsyncHTTPClient
import ChannelKit
import Foundation
import NIOCore

extension ProviderRequest {
    /// Sends the request for real (an adapter's rendered request, aimed at a ``FakeProvider``
    /// through the channel's configured base URL) and returns the answer for the adapter's
    /// `parseSendResult`. A client is made for the call and shut down after it.
    public func send(timeout: Duration = .seconds(10)) async throws -> ProviderResponse {
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        do {
            let response = try await send(with: client, timeout: timeout)
            try await client.shutdown()
            return response
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private func send(with client: HTTPClient, timeout: Duration) async throws -> ProviderResponse {
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method)
        for field in headers {
            request.headers.add(name: field.name, value: field.value)
        }
        if !body.isEmpty {
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let milliseconds = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
        let response = try await client.execute(request, timeout: .milliseconds(milliseconds))
        let bytes = try await response.body.collect(upTo: 10 * 1024 * 1024)
        var headers = HeaderFields()
        for (name, value) in response.headers {
            headers.append(name: name, value: value)
        }
        return ProviderResponse(status: Int(response.status.code), headers: headers, body: Data(buffer: bytes))
    }
}
