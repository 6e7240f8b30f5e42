import Foundation

/// The frames the gateway sends besides conversation entries (docs/WEBCHAT_PROTOCOL.md).
public enum WebChatServerFrame {
    /// What the visitor told about themselves, as stored (normalized).
    public struct Identity: Hashable, Codable, Sendable {
        public var name: String?
        public var email: String?
        public var phone: String?

        public init(name: String? = nil, email: String? = nil, phone: String? = nil) {
            self.name = name
            self.email = email
            self.phone = phone
        }
    }

    public static func session(token: String, visitorID: String, lastSeq: Int, identity: Identity) -> String {
        encode(Session(token: token, visitorId: visitorID, lastSeq: lastSeq, identity: identity))
    }

    public static func accepted(clientMessageID: String, seq: Int, duplicate: Bool) -> String {
        encode(Accepted(clientMessageId: clientMessageID, seq: seq, duplicate: duplicate))
    }

    public static func typing(_ isTyping: Bool) -> String {
        encode(Typing(state: isTyping ? "start" : "stop"))
    }

    public static func identified(_ identity: Identity) -> String {
        encode(Identified(name: identity.name, email: identity.email, phone: identity.phone))
    }

    public static func error(_ error: WebChatProtocolError) -> String {
        encode(ErrorFrame(code: error.code, message: error.message, clientMessageId: error.clientMessageID, retryAfter: error.retryAfter))
    }

    public static let pong = #"{"type":"pong"}"#

    static func encode(_ frame: some Encodable) -> String {
        String(decoding: (try? WebChatEntry.encoder.encode(frame)) ?? Data(), as: UTF8.self)
    }

    /// ISO 8601 with milliseconds, UTC.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    private struct Session: Encodable {
        var type = "session"
        var token: String
        var visitorId: String
        var lastSeq: Int
        var identity: Identity
    }

    private struct Accepted: Encodable {
        var type = "accepted"
        var clientMessageId: String
        var seq: Int
        var duplicate: Bool
    }

    private struct Typing: Encodable {
        var type = "typing"
        var role = "assistant"
        var state: String
    }

    private struct Identified: Encodable {
        var type = "identified"
        var name: String?
        var email: String?
        var phone: String?
    }

    private struct ErrorFrame: Encodable {
        var type = "error"
        var code: String
        var message: String
        var clientMessageId: String?
        var retryAfter: Int?
    }
}
