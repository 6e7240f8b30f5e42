import ChannelKit
import Foundation

/// WhatsApp through Meta's Cloud API: webhooks from a WhatsApp Business Account in, Graph API
/// messages out. Set-up and the payload kinds handled are in docs/channels/WHATSAPP.md.
///
/// Configuration:
///
/// ```json
/// {
///   "id": "acme-whatsapp", "type": "whatsapp",
///   "settings": { "phoneNumberId": "106540352242922", "template": { "name": "reopen_conversation", "language": "en_US" } },
///   "secrets": { "accessToken": "env:ACME_WA_TOKEN", "appSecret": "env:ACME_META_APP_SECRET", "verifyToken": "env:ACME_WA_VERIFY_TOKEN" }
/// }
/// ```
///
/// Replies are free-form only within 24 hours of the customer's last message
/// (``ConversationAddress/lastInboundAt``, which the gateway fills in); after that the configured
/// template is sent instead, or the reply fails for good with a stored reason.
public struct WhatsAppChannelAdapter: ChannelAdapter {
    /// Selects this adapter in the configuration.
    public static let type = "whatsapp"
    /// Messages arrive as ``ChannelKind/whatsapp``.
    public static let kind: ChannelKind = .whatsapp
    /// `phoneNumberId` (required), `maxTextLength`, `template`, `listButtonText`,
    /// `typingIndicator`, `graphBaseURL`, `graphVersion`.
    public static let settingKeys: Set<String> = WhatsAppSettings.Key.all.union(MetaAppSettings.Key.settings)
    /// `accessToken`, `appSecret`, `verifyToken` (all required).
    public static let secretKeys: Set<String> = MetaAppSettings.Key.secrets

    /// The channel this adapter serves.
    public let ref: ChannelRef
    /// Provider-API delivery, plain text split at `maxTextLength`, media, quick replies, a 24-hour
    /// reply window; a typing indicator only when `typingIndicator` is on.
    public let capabilities: ChannelCapabilities
    /// The validated settings the adapter was built with.
    public let settings: WhatsAppSettings
    /// The clock the reply window is judged by.
    private let now: @Sendable () -> Date

    /// Builds the adapter from a channel's configuration.
    ///
    /// - Throws: ``ChannelConfigurationError`` naming the key (see ``WhatsAppSettings/init(configuration:)``).
    public init(configuration: ChannelConfiguration) throws(ChannelConfigurationError) {
        try self.init(configuration: configuration, now: { Date() })
    }

    /// Builds the adapter with a clock of its own, so tests can place replies inside or outside
    /// the 24-hour window.
    public init(configuration: ChannelConfiguration, now: @escaping @Sendable () -> Date) throws(ChannelConfigurationError) {
        let settings = try WhatsAppSettings(configuration: configuration)
        self.ref = configuration.ref
        self.settings = settings
        self.now = now
        self.capabilities = ChannelCapabilities(
            deliveryMode: .providerAPI,
            maxTextLength: settings.maxTextLength,
            markup: .plain,
            supportsMedia: true,
            supportsTypingIndicator: settings.showsTypingIndicator,
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

    /// Reads every entry and change of a notification: customer messages, statuses of sent
    /// messages as receipts, everything else ignored with a reason.
    ///
    /// - Throws: 400 `malformed_payload` naming the field in error.
    public func parse(_ request: WebhookRequest) throws(WebhookError) -> [InboundEvent] {
        try WhatsAppWebhook.events(in: request.body, phoneNumberID: settings.phoneNumberID)
    }

    /// The requests that send `reply`, judged against the 24-hour window at the adapter's clock.
    ///
    /// - Throws: a permanent ``SendFailure`` outside the window without a template, or for a reply
    ///   with nothing WhatsApp can carry.
    public func render(_ reply: OutboundMessage, for conversation: ConversationAddress) throws(SendFailure) -> Delivery {
        .providerAPI(try WhatsAppReplyRenderer(settings: settings, now: now()).requests(for: reply, to: conversation))
    }

    /// Marks the message as read (with a typing indicator when `typingIndicator` is on).
    public func acceptedRequests(for message: InboundMessage) -> [ProviderRequest] {
        let wamid = message.metadata[WhatsAppInboundMessage.MetadataKey.wamid] ?? message.providerMessageID
        guard !wamid.isEmpty else { return [] }
        let receipt = WhatsAppReadReceipt(
            messageID: wamid,
            typingIndicator: settings.showsTypingIndicator ? WhatsAppReadReceipt.TypingIndicator() : nil
        )
        guard let request = try? settings.app.graph.postMessage(receipt, to: settings.phoneNumberID) else { return [] }
        return [request]
    }

    /// A 2xx answer gives the message's `wamid`; a Graph error is retryable for rate limits
    /// (codes 4, 17, 32, 613, 80007, 130429, 131048, 131056), HTTP 429 and 5xx, honouring
    /// `Retry-After`, and permanent otherwise with its code (131047: the window closed).
    public func parseSendResult(_ response: ProviderResponse, for request: ProviderRequest) throws(SendFailure) -> SendReceipt {
        try WhatsAppSendResult.receipt(for: response)
    }
}
