import Foundation
import Hummingbird

/// An admin API error: `{"error": {"code", "message", "details"}, "requestId"}` with one of the
/// API's stable codes (docs/ADMIN_API.md).
struct AdminAPIError: HTTPResponseError, CustomStringConvertible {
    enum Code: String, Sendable {
        case unauthorized = "UNAUTHORIZED"
        case forbidden = "FORBIDDEN"
        case notFound = "NOT_FOUND"
        case methodNotAllowed = "METHOD_NOT_ALLOWED"
        case validationError = "VALIDATION_ERROR"
        case rateLimited = "RATE_LIMITED"
        case budgetExhausted = "BUDGET_EXHAUSTED"
        case conflict = "CONFLICT"
        case `internal` = "INTERNAL"

        var status: HTTPResponse.Status {
            switch self {
            case .unauthorized: .unauthorized
            case .forbidden: .forbidden
            case .notFound: .notFound
            case .methodNotAllowed: .methodNotAllowed
            case .validationError: .badRequest
            case .rateLimited: .tooManyRequests
            case .budgetExhausted: HTTPResponse.Status(code: 402)
            case .conflict: .conflict
            case .internal: .internalServerError
            }
        }
    }

    var code: Code
    var message: String
    var details: [String: String]?
    var headers: HTTPFields = [:]

    var status: HTTPResponse.Status { code.status }
    var description: String { "\(code.rawValue): \(message)" }

    init(_ code: Code, _ message: String, details: [String: String]? = nil) {
        self.code = code
        self.message = message
        self.details = details
    }

    static func validation(_ field: String, _ message: String) -> AdminAPIError {
        AdminAPIError(.validationError, message, details: ["field": field])
    }

    static let conversationNotFound = AdminAPIError(.notFound, "no such conversation")

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = AdminErrorEnvelope(error: .init(code: code.rawValue, message: message, details: details), requestId: context.requestID)
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: (try? JSONEncoder().encode(body)) ?? Data())))
    }
}

/// The body of every admin API error.
private struct AdminErrorEnvelope: Encodable {
    struct Body: Encodable {
        var code: String
        var message: String
        var details: [String: String]?
    }

    var error: Body
    var requestId: String
}
