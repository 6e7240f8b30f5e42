import Foundation
import HummingbirdWebSocket

/// The open web chat sockets, by visitor and by IP address. Everything that adds to a visitor's
/// transcript (their own message from another tab, a reply, an agent's message) pokes the
/// visitor's sockets here.
actor WebChatHub {
    private struct VisitorKey: Hashable {
        let channelID: String
        let visitorID: String
    }

    private var byVisitor: [VisitorKey: [UUID: WebChatConnection]] = [:]
    private var perIP: [String: Int] = [:]
    private var visitorTypingSince: [VisitorKey: Date] = [:]

    /// How many sockets are open.
    var connectionCount: Int { perIP.values.reduce(0, +) }

    /// How many sockets an IP address holds.
    func connections(from ip: String) -> Int { perIP[ip, default: 0] }

    /// Adds a socket unless its IP already holds `limit`; returns whether it was added.
    func register(_ connection: WebChatConnection, limit: Int) -> Bool {
        guard perIP[connection.remoteIP, default: 0] < limit else { return false }
        perIP[connection.remoteIP, default: 0] += 1
        byVisitor[VisitorKey(channelID: connection.channelID, visitorID: connection.visitorID), default: [:]][connection.id] = connection
        return true
    }

    func unregister(_ connection: WebChatConnection) {
        let key = VisitorKey(channelID: connection.channelID, visitorID: connection.visitorID)
        guard byVisitor[key]?.removeValue(forKey: connection.id) != nil else { return }
        if byVisitor[key]?.isEmpty == true { byVisitor[key] = nil }
        perIP[connection.remoteIP, default: 1] -= 1
        if perIP[connection.remoteIP] == 0 { perIP[connection.remoteIP] = nil }
        connection.finish()
    }

    /// The visitor's transcript grew: every socket of theirs sends what it has not sent yet.
    func transcriptChanged(channelID: String, visitorID: String) {
        for connection in sockets(channelID: channelID, visitorID: visitorID) {
            connection.poke()
        }
    }

    /// The visitor's open sockets (for frames that are not transcript entries, such as typing).
    func sockets(channelID: String, visitorID: String) -> [WebChatConnection] {
        byVisitor[VisitorKey(channelID: channelID, visitorID: visitorID)].map { Array($0.values) } ?? []
    }

    /// Records that the visitor is typing (or stopped); agents will see it.
    func visitorTyping(_ isTyping: Bool, channelID: String, visitorID: String) {
        visitorTypingSince[VisitorKey(channelID: channelID, visitorID: visitorID)] = isTyping ? Date() : nil
    }

    /// Whether the visitor said they were typing within the last 10 seconds.
    func isVisitorTyping(channelID: String, visitorID: String) -> Bool {
        guard let since = visitorTypingSince[VisitorKey(channelID: channelID, visitorID: visitorID)] else { return false }
        return Date().timeIntervalSince(since) < 10
    }
}
