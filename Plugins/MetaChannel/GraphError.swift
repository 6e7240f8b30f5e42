import ChannelKit
import Foundation

/// The error object of a Graph API answer (WhatsApp Cloud API, Instagram Messaging):
/// `{"error": {"message", "type", "code", "error_subcode", "error_data": {"details"}, "fbtrace_id"}}`.
public struct GraphError: Hashable, Sendable {
    /// Codes that mean "too many requests, try again later": Graph API call limits (4, 17, 32,
    /// 613), WhatsApp Business Account limits (80007), Cloud API throughput (130429), spam rate
    /// limit (131048) and the per-recipient pair rate limit (131056).
    public static let rateLimitCodes: Set<Int> = [4, 17, 32, 613, 80007, 130429, 131048, 131056]
    /// Codes for a temporary service problem (2: "temporary due to downtime or overload").
    public static let temporaryCodes: Set<Int> = [2]
    /// The longest message kept from an answer; longer ones are cut.
    static let maxMessageLength = 200

    /// The error code, on which handling is based (`131047`).
    public var code: Int
    /// The subcode, when the answer has one (deprecated for WhatsApp since v16.0).
    public var subcode: Int?
    /// The human-readable message, cut to 200 characters (`(#131047) Re-engagement message`).
    public var message: String?
    /// The error type (`OAuthException`).
    public var type: String?
    /// Meta's trace id, for support requests.
    public var traceID: String?

    public init(code: Int, subcode: Int? = nil, message: String? = nil, type: String? = nil, traceID: String? = nil) {
        self.code = code
        self.subcode = subcode
        self.message = message
        self.type = type
        self.traceID = traceID
    }

    /// Reads the error object of an answer's body; nil when the body has none.
    public init?(body: Data) {
        guard let value = MetaJSONBody.decode(body),
              case .object(let root) = value,
              case .object(let error)? = root["error"],
              let code = Self.integer(error["code"]) else { return nil }
        self.init(
            code: code,
            subcode: Self.integer(error["error_subcode"]),
            message: Self.text(error["message"]).map(Self.clean),
            type: Self.text(error["type"]),
            traceID: Self.text(error["fbtrace_id"])
        )
    }

    /// Whether trying again later can succeed: a rate limit or a temporary outage.
    public var isRetryable: Bool {
        Self.rateLimitCodes.contains(code) || Self.temporaryCodes.contains(code)
    }

    /// `code/subcode: message`, or `code: message` without a subcode; safe to store and show.
    public var summary: String {
        let codes = subcode.map { "\(code)/\($0)" } ?? "\(code)"
        guard let message else { return codes }
        return "\(codes): \(message)"
    }

    private static func integer(_ value: JSONValue?) -> Int? {
        switch value {
        case .number(let number)?: Int(exactly: number)
        case .string(let text)?: Int(text)
        default: nil
        }
    }

    private static func text(_ value: JSONValue?) -> String? {
        guard case .string(let text)? = value, !text.isEmpty else { return nil }
        return text
    }

    /// One line, at most ``maxMessageLength`` characters.
    private static func clean(_ message: String) -> String {
        let line = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > maxMessageLength ? String(line.prefix(maxMessageLength - 1)) + "…" : line
    }
}
