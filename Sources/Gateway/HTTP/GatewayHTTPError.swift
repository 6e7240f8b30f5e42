import ChannelKit
import Foundation
import Hummingbird

/// An error the gateway answers with: a status, a stable code and a human message, as JSON
/// `{"error": {"code": …, "message": …}, "requestId": …}`.
struct GatewayHTTPError: HTTPResponseError, CustomStringConvertible {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var headers: HTTPFields = [:]

    var description: String { "\(status.code) \(code): \(message)" }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let envelope = ErrorEnvelope(error: .init(code: code, message: message), requestId: context.requestID)
        let body = (try? JSONEncoder().encode(envelope)) ?? Data()
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func unknownChannel(_ id: String) -> GatewayHTTPError {
        GatewayHTTPError(status: .notFound, code: "unknown_channel", message: "no channel with id \"\(id)\" is configured")
    }

    static func channelDisabled(_ id: String, switchedOff: Bool = false) -> GatewayHTTPError {
        let reason = switchedOff ? "is switched off in the configuration (\"enabled\": false)" : "is disabled; see the gateway's start-up warnings"
        return GatewayHTTPError(status: .serviceUnavailable, code: "channel_disabled", message: "channel \"\(id)\" \(reason)")
    }

    static func payloadTooLarge(limit: Int) -> GatewayHTTPError {
        GatewayHTTPError(status: .contentTooLarge, code: "payload_too_large", message: "the body exceeds the limit of \(limit) bytes")
    }

    init(status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// The HTTP form of an adapter's refusal.
    init(_ error: WebhookError) {
        self.init(status: HTTPResponse.Status(code: error.status), code: error.code, message: error.message)
    }
}

/// The JSON body of every error response.
struct ErrorEnvelope: Codable, Sendable {
    struct Body: Codable, Sendable {
        var code: String
        var message: String
    }

    var error: Body
    var requestId: String
}
