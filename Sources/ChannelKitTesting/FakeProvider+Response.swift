import ChannelKit
import Hummingbird

extension FakeProvider.Reply {
    /// The HTTP response this reply sends to `request`, after any delay it asks for.
    func response(to request: FakeProvider.RecordedRequest) async throws -> Response {
        switch self {
        case .ok(let json):
            return .fake(status: 200, headers: ["Content-Type": "application/json"], body: json)
        case .json(let status, let body):
            return .fake(status: status, headers: ["Content-Type": "application/json"], body: body)
        case .status(let status, let body, let headers):
            return .fake(status: status, headers: headers, body: body)
        case .rateLimited(let seconds, let json):
            let headers: HeaderFields = ["Content-Type": "application/json", "Retry-After": String(seconds)]
            return .fake(status: 429, headers: headers, body: json)
        case .delayed(let delay, let reply):
            try await Task.sleep(for: delay)
            return try await reply.response(to: request)
        case .dynamic(let compute):
            return try await compute(request).response(to: request)
        }
    }
}

extension Response {
    /// A response with a status, ChannelKit headers and a text body. Statuses HTTP cannot carry
    /// (outside 200...999: informational 1xx cannot end an exchange) become 500, so a mistyped
    /// script fails the request, not the server.
    static func fake(status: Int, headers: HeaderFields, body: String) -> Response {
        var fields = HTTPFields()
        for field in headers {
            // HTTPFields.Element is HTTPField; a name HTTP does not allow is left out.
            guard let name = HTTPFields.Element.Name(field.name) else { continue }
            fields.append(HTTPFields.Element(name: name, value: field.value))
        }
        let code = (200...999).contains(status) ? status : 500
        return Response(
            status: HTTPResponse.Status(code: code),
            headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(string: body))
        )
    }
}
