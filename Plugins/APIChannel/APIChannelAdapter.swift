import ChannelKit
import Foundation

/// The generic API channel: integrators connect a channel out of process, in any language, by
/// POSTing signed JSON messages to `/webhooks/{channelId}` and receiving signed JSON replies at
/// their callback URL. The wire format is documented in docs/API_CHANNEL.md.
///
/// Configuration:
///
/// ```json
/// {
///   "id": "acme-api", "type": "api",
///   "settings": { "callbackURL": "https://integrator.example/replies", "maxTextLength": 4096 },
///   "secrets": { "signingSecret": "env:ACME_API_SIGNING_SECRET" }
/// }
/// ```
public struct APIChannelAdapter: ChannelAdapter {
    /// Selects this adapter in the configuration.
    public static let type = "api"
    /// Messages arrive as ``ChannelKind/api``.
    public static let kind: ChannelKind = .api
    /// `callbackURL` (required) and `maxTextLength` (optional).
    public static let settingKeys: Set<String> = [
        APIChannelSettings.Key.callbackURL,
        APIChannelSettings.Key.maxTextLength,
    ]
    /// `signingSecret` (required).
    public static let secretKeys: Set<String> = [APIChannelSettings.Key.signingSecret]

    /// The channel this adapter serves.
    public let ref: ChannelRef
    /// Provider-API delivery, plain text split at `maxTextLength`, media and quick replies.
    public let capabilities: ChannelCapabilities
    /// The validated settings the adapter was built with.
    public let settings: APIChannelSettings

    /// Builds the adapter from a channel's configuration.
    ///
    /// - Throws: ``ChannelConfigurationError`` naming the key when `settings.callbackURL` is
    ///   missing or not an absolute http(s) URL, `secrets.signingSecret` is missing, or
    ///   `settings.maxTextLength` is not an integer from 1 to 100000.
    public init(configuration: ChannelConfiguration) throws(ChannelConfigurationError) {
        let settings = try APIChannelSettings(configuration: configuration)
        self.ref = configuration.ref
        self.settings = settings
        self.capabilities = ChannelCapabilities(
            deliveryMode: .providerAPI,
            maxTextLength: settings.maxTextLength,
            markup: .plain,
            supportsMedia: true,
            supportsTypingIndicator: false,
            supportsQuickReplies: true
        )
    }

    /// Accepts only POST requests whose `X-Signature` is the HMAC-SHA256 of the exact body.
    ///
    /// - Throws: 405 for other methods; 401 `missing_signature` or `invalid_signature`.
    public func verify(_ request: WebhookRequest) throws(WebhookError) {
        guard request.method == "POST" else {
            throw WebhookError.methodNotAllowed(request.method)
        }
        try APIChannelSignature.verify(
            request.headers[APIChannelSignature.headerName],
            body: request.body,
            secret: settings.signingSecret
        )
    }

    /// Reads one event object or a batch of them: messages and delivery receipts.
    ///
    /// - Throws: 415 for a non-JSON `Content-Type`; 400 `malformed_payload` naming the field in
    ///   error; 413 `payload_too_large` for a batch over ``APIChannelLimits/maxBatchSize``.
    public func parse(_ request: WebhookRequest) throws(WebhookError) -> [InboundEvent] {
        try JSONContentType.check(request.headers["Content-Type"])
        return try InboundPayload.events(in: request.body, now: Date())
    }

    /// One signed POST to the callback URL per part of the reply (split at `maxTextLength`).
    public func render(_ reply: OutboundMessage, for conversation: ConversationAddress) throws(SendFailure) -> Delivery {
        .providerAPI(try ReplyRenderer(settings: settings).requests(for: reply, to: conversation))
    }

    /// A 2xx answer is a success, carrying the integrator's message id when its body is
    /// `{"id": "…"}`, else the part's own id (its `Idempotency-Key`); anything else fails as ``defaultSendResult(_:)`` decides (429, 408, 425 and
    /// 5xx retryable, honouring `Retry-After`), with the code of an `{"error": {"code"}}` body.
    public func parseSendResult(_ response: ProviderResponse, for request: ProviderRequest) throws(SendFailure) -> SendReceipt {
        guard (200..<300).contains(response.status) else {
            do throws(SendFailure) {
                return try Self.defaultSendResult(response)
            } catch {
                var failure = error
                failure.providerCode = SendResultBody.errorCode(in: response.body)
                throw failure
            }
        }
        return SendReceipt(providerMessageID: SendResultBody.messageID(in: response.body) ?? request.headers["Idempotency-Key"])
    }
}
