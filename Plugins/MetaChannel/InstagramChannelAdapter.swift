import ChannelKit
import Foundation

/// Instagram Direct messages through Meta's Graph API: `messages` webhooks in, Send API messages
/// out. Set-up and the payload kinds handled are in docs/channels/INSTAGRAM.md.
///
/// Configuration:
///
/// ```json
/// {
///   "id": "acme-instagram", "type": "instagram",
///   "settings": { "igUserId": "17841400000000000", "graphBaseURL": "https://graph.instagram.com" },
///   "secrets": { "accessToken": "env:ACME_IG_TOKEN", "appSecret": "env:ACME_META_APP_SECRET", "verifyToken": "env:ACME_IG_VERIFY_TOKEN" }
/// }
/// ```
///
/// Replies are allowed only within 24 hours of the customer's last message
/// (``ConversationAddress/lastInboundAt``, which the gateway fills in); after that they fail for
/// good with a stored reason, since Instagram has no templates.
public struct InstagramChannelAdapter: ChannelAdapter {
    /// Selects this adapter in the configuration.
    public static let type = "instagram"
    /// Messages arrive as ``ChannelKind/instagram``.
    public static let kind: ChannelKind = .instagram
    /// `igUserId` (required), `maxTextLength`, `graphBaseURL`, `graphVersion`.
    public static let settingKeys: Set<String> = InstagramSettings.Key.all.union(MetaAppSettings.Key.settings)
    /// `accessToken`, `appSecret`, `verifyToken` (all required).
    public static let secretKeys: Set<String> = MetaAppSettings.Key.secrets

    /// The channel this adapter serves.
    public let ref: ChannelRef
    /// Provider-API delivery, plain text split at `maxTextLength` (and 1000 bytes), media, a typing
    /// indicator, quick replies, a 24-hour reply window.
    public let capabilities: ChannelCapabilities
    /// The validated settings the adapter was built with.
    public let settings: InstagramSettings
    /// The clock the reply window is judged by, and the time of events that carry none.
    private let now: @Sendable () -> Date

    /// Builds the adapter from a channel's configuration.
    ///
    /// - Throws: ``ChannelConfigurationError`` naming the key (see ``InstagramSettings/init(configuration:)``).
    public init(configuration: ChannelConfiguration) throws(ChannelConfigurationError) {
        try self.init(configuration: configuration, now: { Date() })
    }

    /// Builds the adapter with a clock of its own, so tests can place replies inside or outside
    /// the 24-hour window.
    public init(configuration: ChannelConfiguration, now: @escaping @Sendable () -> Date) throws(ChannelConfigurationError) {
        let settings = try InstagramSettings(configuration: configuration)
        self.ref = configuration.ref
        self.settings = settings
        self.now = now
        self.capabilities = ChannelCapabilities(
            deliveryMode: .providerAPI,
            maxTextLength: settings.maxTextLength,
            markup: .plain,
            supportsMedia: true,
            supportsTypingIndicator: true,
            supportsQuickReplies: true,
            replyWindow: ReplyWindow.twentyFourHours.duration
        )
    }

    /// Answers Meta's `hub.challenge` when `hub.verify_token` is the channel's `verifyToken`.
    ///
    /// - Throws: 403 for another token.
    public func handshake(_ request: WebhookRequest) throws(WebhookError) -> WebhookResponse? {
        try MetaWebhookHandshake.response(to: request, verifyToken: settings.app.verifyToken)
    }

    /// Accepts only POST requests whose `X-Hub-Signature-256` is the HMAC-SHA256 of the exact body
    /// with the app secret.
    ///
    /// - Throws: 405 for other methods; 401 `missing_signature` or `invalid_signature`.
    public func verify(_ request: WebhookRequest) throws(WebhookError) {
        guard request.method == "POST" else { throw WebhookError.methodNotAllowed(request.method) }
        try MetaSignature.verify(request.headers[MetaSignature.headerName], body: request.body, appSecret: settings.app.appSecret)
    }

    /// Reads every entry and messaging event: customer messages, read events as receipts,
    /// echoes of the business's own messages and everything else ignored with a reason.
    ///
    /// - Throws: 400 `malformed_payload` naming the field in error.
    public func parse(_ request: WebhookRequest) throws(WebhookError) -> [InboundEvent] {
        try InstagramWebhook.events(in: request.body, accountID: settings.igUserID, now: now())
    }

    /// The requests that send `reply`, judged against the 24-hour window at the adapter's clock.
    ///
    /// - Throws: a permanent ``SendFailure`` outside the window, or for a reply with nothing
    ///   Instagram can carry.
    public func render(_ reply: OutboundMessage, for conversation: ConversationAddress) throws(SendFailure) -> Delivery {
        .providerAPI(try InstagramReplyRenderer(settings: settings, now: now()).requests(for: reply, to: conversation))
    }

    /// Marks the conversation as seen, then shows a typing indicator (`sender_action`
    /// `mark_seen`, `typing_on`), addressed to the message's sender.
    public func acceptedRequests(for message: InboundMessage) -> [ProviderRequest] {
        let recipient = message.sender.channelUserID
        guard !recipient.isEmpty else { return [] }
        let graph = settings.app.graph
        return [InstagramSenderAction.markSeen(recipient), .typingOn(recipient)].compactMap {
            try? graph.postMessage($0, to: settings.igUserID)
        }
    }

    /// A 2xx answer gives the message's `message_id`; a Graph error is retryable for rate limits
    /// (codes 4, 17, 32, 613, …), HTTP 429 and 5xx, honouring `Retry-After`, and permanent
    /// otherwise with its code (10 with subcode 2018278: outside the messaging window).
    public func parseSendResult(_ response: ProviderResponse, for request: ProviderRequest) throws(SendFailure) -> SendReceipt {
        try InstagramSendResult.receipt(for: response)
    }
}
