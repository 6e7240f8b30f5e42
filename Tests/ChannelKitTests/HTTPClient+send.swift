import AsyncHTTPClient
import ChannelKit

/// What a test request got back, read whole.
struct TestResponse: Sendable {
    var status: Int
    var headers: HeaderFields
    var body: String
}

extension HTTPClient {
    /// Sends one request and reads the whole answer (the body up to 10 MB).
    ///
    /// - Parameters:
    ///   - method: The HTTP method (`POST` unless given).
    ///   - url: The absolute URL.
    ///   - headers: Request headers.
    ///   - body: A text body, sent as UTF-8; none when nil.
    ///   - timeoutMilliseconds: How long to wait for the response head.
    func send(
        _ method: String = "POST",
        to url: String,
        headers: HeaderFields = [:],
        body: String? = nil,
        timeoutMilliseconds: Int64 = 10_000
    ) async throws -> TestResponse {
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method)
        for field in headers {
            request.headers.add(name: field.name, value: field.value)
        }
        if let body {
            request.body = .bytes(Array(body.utf8))
        }
        let response = try await execute(request, timeout: .milliseconds(timeoutMilliseconds))
        let bytes = try await response.body.collect(upTo: 10 * 1024 * 1024)
        return TestResponse(
            status: Int(response.status.code),
            headers: HeaderFields(response.headers.map { HeaderFields.Field(name: $0.name, value: $0.value) }),
            body: String(decoding: bytes.readableBytesView, as: UTF8.self)
        )
    }
}
