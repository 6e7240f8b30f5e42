import ChannelKit

/// A web chat channel's settings: who may embed it, how the widget looks, and the limits the
/// socket hub enforces.
public struct WebChatSettings: Hashable, Sendable {
    /// Origins (`https://shop.example`) whose pages may open the socket, besides the gateway's
    /// own origin. `*` allows every origin.
    public var allowedOrigins: [String]
    /// The widget's header.
    public var title: String
    /// The first entry of every new visitor's conversation; empty for none.
    public var welcomeMessage: String
    /// The launcher's and header's colour, `#rrggbb`.
    public var primaryColor: String
    /// The text colour on ``primaryColor``, `#rrggbb`.
    public var primaryTextColor: String
    /// The corner the launcher sits in.
    public var position: Position
    /// The composer's placeholder text.
    public var placeholder: String
    /// The longest message a visitor may send, in characters.
    public var maxMessageChars: Int
    /// The largest WebSocket message the gateway reads, in bytes; larger ones close the socket (1009).
    public var maxFrameBytes: Int
    /// How many sockets one IP address may hold at once.
    public var maxConnectionsPerIP: Int
    /// How many messages one IP address may send per minute.
    public var messagesPerMinutePerIP: Int
    /// A socket that sends nothing for this long is closed (4000).
    public var idleTimeoutSeconds: Int
    /// How long a visitor's token stays valid.
    public var sessionDays: Int
    /// The key visitor tokens are signed with; nil lets the gateway keep its own in its database.
    public var tokenSecret: Secret?

    public enum Position: String, Hashable, Sendable, CaseIterable {
        case left, right
    }

    public static let defaultTitle = "Chat with us"
    public static let defaultWelcomeMessage = "Hi! How can we help you today?"
}
