import ChannelKit
import Foundation
import Hummingbird

/// Answers every request, whatever its method and path: reads the body, records the request in
/// the script and answers with the reply the script gives.
///
/// A plain `HTTPResponder` rather than a `Router`: a router answers 404 to paths it has no route
/// for, and a fake provider must accept any path.
struct FakeProviderResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let script: ProviderScript
    /// The largest body read; a larger one is answered 413 and not recorded.
    let maxBodySize: Int

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBodySize)
        } catch {
            context.logger.warning("Fake provider could not read a request body: \(error)")
            return Response.fake(status: 413, headers: [:], body: "")
        }
        let recorded = FakeProvider.RecordedRequest(request, body: Data(body.readableBytesView))
        let reply = await script.receive(recorded)
        return try await reply.response(to: recorded)
    }
}

extension FakeProvider.RecordedRequest {
    /// The record of a Hummingbird request whose body has been read.
    init(_ request: Request, body: Data) {
        var headers = HeaderFields(request.headers.map { HeaderFields.Field(name: $0.name.rawName, value: $0.value) })
        // HTTP/1's Host header travels as the request's authority; put it back.
        if headers["Host"] == nil, let authority = request.head.authority {
            headers = HeaderFields([HeaderFields.Field(name: "Host", value: authority)] + Array(headers))
        }
        self.init(
            method: request.method.rawValue,
            path: request.uri.path,
            rawQuery: request.uri.query ?? "",
            headers: headers,
            body: body,
            receivedAt: Date()
        )
    }
}
