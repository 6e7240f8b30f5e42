/// Why a webhook request was refused. The gateway answers with ``status`` and a JSON body
/// carrying ``code`` and ``message``; nothing from a refused request is stored.
public struct WebhookError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The HTTP status the gateway answers with.
    public var status: Int
    /// A stable, machine-readable code (`invalid_signature`, `malformed_payload`, …).
    public var code: String
    /// A human-readable reason. Never contains secrets or the payload.
    public var message: String

    public init(status: Int, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public var description: String { "\(status) \(code): \(message)" }

    /// The request carries no signature (401).
    public static func missingSignature(_ header: String) -> WebhookError {
        WebhookError(status: 401, code: "missing_signature", message: "the request has no \(header) header")
    }

    /// The signature does not match the body (401).
    public static func invalidSignature(_ detail: String = "the signature does not match the request body") -> WebhookError {
        WebhookError(status: 401, code: "invalid_signature", message: detail)
    }

    /// A handshake or shared token did not match (403).
    public static func forbidden(_ detail: String) -> WebhookError {
        WebhookError(status: 403, code: "forbidden", message: detail)
    }

    /// The body is not what the provider's format says (400).
    public static func malformed(_ detail: String) -> WebhookError {
        WebhookError(status: 400, code: "malformed_payload", message: detail)
    }

    /// The method is not one the channel accepts (405).
    public static func methodNotAllowed(_ method: String) -> WebhookError {
        WebhookError(status: 405, code: "method_not_allowed", message: "\(method) is not accepted on this webhook")
    }

    /// The body is larger than the channel or gateway accepts (413).
    public static func payloadTooLarge(_ detail: String) -> WebhookError {
        WebhookError(status: 413, code: "payload_too_large", message: detail)
    }

    /// The content type is not one the channel accepts (415).
    public static func unsupportedMediaType(_ detail: String) -> WebhookError {
        WebhookError(status: 415, code: "unsupported_media_type", message: detail)
    }
}
