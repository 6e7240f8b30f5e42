import ChannelKit
import Foundation

/// The web chat channel: visitors talk to the assistant through the widget the gateway serves,
/// over a WebSocket (docs/WEBCHAT_PROTOCOL.md). The gateway's socket hub receives and pushes;
/// this adapter holds the settings and renders replies as conversation entries.
///
/// There is no provider and no webhook: messages arrive on the socket, replies leave on it.
public struct WebChatChannelAdapter: ChannelAdapter {
    public static let type = "webchat"
    public static let kind = ChannelKind.webchat
    public static let settingKeys = WebChatSettings.Key.all
    public static let secretKeys: Set<String> = [WebChatSettings.Key.tokenSecret]

    public let ref: ChannelRef
    public let settings: WebChatSettings

    public init(configuration: ChannelConfiguration) throws(ChannelConfigurationError) {
        self.ref = configuration.ref
        self.settings = try WebChatSettings(configuration: configuration)
    }

    public var capabilities: ChannelCapabilities {
        ChannelCapabilities(
            deliveryMode: .liveConnection, maxTextLength: 4000, markup: .plain,
            supportsTypingIndicator: true, supportsQuickReplies: true
        )
    }

    public func verify(_ request: WebhookRequest) throws(WebhookError) {
        throw WebhookError(
            status: 404, code: "no_webhook",
            message: "web chat has no webhook; clients connect to /chat/\(ref.channelID)/socket"
        )
    }

    public func parse(_ request: WebhookRequest) throws(WebhookError) -> [InboundEvent] { [] }

    /// One entry per part: long replies are split at sentence or word boundaries; quick replies
    /// go with the last part.
    public func render(_ reply: OutboundMessage, for conversation: ConversationAddress) throws(SendFailure) -> Delivery {
        let parts = TextSplitter.split(reply.text, limit: capabilities.maxTextLength)
        guard !parts.isEmpty else {
            throw SendFailure(isRetryable: false, reason: "the reply has no text")
        }
        let frames = parts.enumerated().map { index, text in
            let entry = WebChatEntry(
                role: reply.agentName == nil ? .assistant : .agent, id: parts.count == 1 ? reply.id : "\(reply.id)-\(index + 1)",
                agentName: reply.agentName, text: text,
                quickReplies: index == parts.count - 1 && !reply.quickReplies.isEmpty ? reply.quickReplies : nil
            )
            return LiveFrame(text: entry.stored)
        }
        return .liveConnection(frames)
    }
}
