import ChannelKit
import Foundation

/// One entry of a visitor's conversation, as stored in the transcript: a `message` frame without
/// its sequence number and time, which the gateway adds when it sends the entry.
public struct WebChatEntry: Hashable, Codable, Sendable {
    public enum Role: String, Hashable, Codable, Sendable {
        case visitor, assistant, agent
    }

    public var role: Role
    /// The gateway's id for the message.
    public var id: String
    /// The client's id, on the visitor's own messages.
    public var clientMessageId: String?
    /// The human agent's name, on agents' messages.
    public var agentName: String?
    public var text: String
    public var quickReplies: [QuickReply]?

    public init(role: Role, id: String, clientMessageId: String? = nil, agentName: String? = nil, text: String, quickReplies: [QuickReply]? = nil) {
        self.role = role
        self.id = id
        self.clientMessageId = clientMessageId
        self.agentName = agentName
        self.text = text
        self.quickReplies = quickReplies
    }

    /// The entry as stored (JSON).
    public var stored: String {
        String(decoding: (try? Self.encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// Reads a stored entry.
    public init?(stored: String) {
        guard let entry = try? JSONDecoder().decode(Self.self, from: Data(stored.utf8)) else { return nil }
        self = entry
    }

    /// The `message` frame that carries the entry to a client.
    public func frame(seq: Int, sentAt: Date) -> String {
        WebChatServerFrame.encode(MessageFrame(
            seq: seq, id: id, role: role, clientMessageId: clientMessageId, agentName: agentName, text: text, quickReplies: quickReplies,
            sentAt: WebChatServerFrame.timestamp(sentAt)
        ))
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private struct MessageFrame: Encodable {
        var type = "message"
        var seq: Int
        var id: String
        var role: Role
        var clientMessageId: String?
        var agentName: String?
        var text: String
        var quickReplies: [QuickReply]?
        var sentAt: String
    }
}
