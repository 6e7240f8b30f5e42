import Foundation

/// A frame a web chat client sends (docs/WEBCHAT_PROTOCOL.md).
public enum WebChatClientFrame: Hashable, Sendable {
    /// Opens the session: the visitor's token (nil for a new visitor) and the highest sequence
    /// number the client already shows.
    case hello(token: String?, lastSeq: Int)
    /// A visitor's message, trimmed and validated.
    case message(clientMessageID: String, text: String)
    /// The visitor started or stopped typing.
    case typing(isTyping: Bool)
    /// Entries up to `seq` reached the client, or were read.
    case ack(seq: Int, status: AckStatus)
    /// The visitor volunteers who they are (each field optional, unvalidated here).
    case identify(name: String?, email: String?, phone: String?)
    case ping

    public enum AckStatus: String, Hashable, Sendable {
        case delivered, read
    }

    /// Decodes one text message. Throws a ``WebChatProtocolError`` with the protocol's code.
    public static func decode(_ text: String, maxMessageChars: Int) throws(WebChatProtocolError) -> WebChatClientFrame {
        let raw: RawFrame
        do {
            raw = try JSONDecoder().decode(RawFrame.self, from: Data(text.utf8))
        } catch let error as DecodingError {
            throw .badFrame(Self.describe(error))
        } catch {
            throw .badFrame("the frame is not a JSON object")
        }
        switch raw.type {
        case "hello":
            guard (raw.lastSeq ?? 0) >= 0 else { throw .badFrame("lastSeq must be 0 or more") }
            let token = raw.token.flatMap { $0.isEmpty ? nil : $0 }
            return .hello(token: token, lastSeq: raw.lastSeq ?? 0)
        case "message":
            return try message(raw, maxMessageChars: maxMessageChars)
        case "typing":
            switch raw.state {
            case "start": return .typing(isTyping: true)
            case "stop": return .typing(isTyping: false)
            default: throw .badFrame("typing needs state \"start\" or \"stop\"")
            }
        case "ack":
            guard let seq = raw.seq, seq >= 0 else { throw .badFrame("ack needs a seq of 0 or more") }
            guard let status = raw.status.flatMap(AckStatus.init(rawValue:)) else {
                throw .badFrame("ack needs status \"delivered\" or \"read\"")
            }
            return .ack(seq: seq, status: status)
        case "identify":
            let name = raw.name.map(Self.trimmed).flatMap { $0.isEmpty ? nil : String($0.prefix(100)) }
            return .identify(name: name, email: raw.email.map(Self.trimmed), phone: raw.phone.map(Self.trimmed))
        case "ping":
            return .ping
        case nil:
            throw .badFrame("the frame has no type")
        case let other?:
            throw WebChatProtocolError(code: "unknown_type", message: "unknown frame type \"\(other.prefix(40))\"")
        }
    }

    private static func message(_ raw: RawFrame, maxMessageChars: Int) throws(WebChatProtocolError) -> WebChatClientFrame {
        guard let id = raw.clientMessageId, isClientMessageID(id) else {
            throw WebChatProtocolError(code: "invalid_message_id", message: "clientMessageId must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -")
        }
        let text = trimmed(raw.text ?? "")
        guard !text.isEmpty else {
            throw WebChatProtocolError(code: "empty_message", message: "the message has no text", clientMessageID: id)
        }
        guard text.count <= maxMessageChars else {
            throw WebChatProtocolError(code: "message_too_long", message: "the message is longer than \(maxMessageChars) characters", clientMessageID: id)
        }
        return .message(clientMessageID: id, text: text)
    }

    static func isClientMessageID(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F || byte == 0x2D
            }
    }

    private static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            return field.isEmpty ? "the frame is not a JSON object" : "field \"\(field)\" has the wrong type"
        case .dataCorrupted, .keyNotFound:
            return "the frame is not valid JSON"
        @unknown default:
            return "the frame cannot be read"
        }
    }

    /// Every field any client frame has; which ones matter depends on `type`.
    private struct RawFrame: Decodable {
        var type: String?
        var token: String?
        var lastSeq: Int?
        var clientMessageId: String?
        var text: String?
        var state: String?
        var seq: Int?
        var status: String?
        var name: String?
        var email: String?
        var phone: String?
    }
}
