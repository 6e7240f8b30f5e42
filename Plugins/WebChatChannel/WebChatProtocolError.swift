/// A client frame the gateway cannot act on, sent back as an `error` frame (see
/// docs/WEBCHAT_PROTOCOL.md for the codes).
public struct WebChatProtocolError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable code: `bad_frame`, `unknown_type`, `invalid_message_id`, `empty_message`, …
    public var code: String
    /// A human-readable reason; never contains the message text.
    public var message: String
    /// The message the error is about, when there is one.
    public var clientMessageID: String?
    /// Seconds to wait before sending again (`rate_limited`).
    public var retryAfter: Int?

    public init(code: String, message: String, clientMessageID: String? = nil, retryAfter: Int? = nil) {
        self.code = code
        self.message = message
        self.clientMessageID = clientMessageID
        self.retryAfter = retryAfter
    }

    public var description: String { "\(code): \(message)" }

    public static func badFrame(_ reason: String) -> WebChatProtocolError {
        WebChatProtocolError(code: "bad_frame", message: reason)
    }
}
