import ChannelKit
import Foundation

/// Email through SendGrid: customers write to an address on the business's Inbound Parse host;
/// SendGrid posts each email to the gateway, and the assistant answers through the v3 Mail Send
/// API, threaded under the customer's email. Set-up, threading and limits are in
/// docs/channels/EMAIL.md.
///
/// Two webhooks arrive under `/webhooks/{channelId}`:
/// - Inbound Parse, a `multipart/form-data` post (parsed fields, or the raw MIME message), at
///   `/webhooks/{channelId}/{inboundSecret}`, or at `/webhooks/{channelId}` with HTTP Basic
///   credentials (`inboundAuth: "basic"`);
/// - the signed Event Webhook, a JSON array of delivery events, at `/webhooks/{channelId}/events`.
///
/// Configuration:
///
/// ```json
/// {
///   "id": "bakery-email", "type": "email",
///   "settings": { "fromAddress": "help@bakery.example", "fromName": "Bella's Bakery",
///                 "replyToAddress": "help@reply.bakery.example",
///                 "eventWebhookPublicKey": "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…" },
///   "secrets": { "apiKey": "env:BAKERY_SENDGRID_API_KEY", "inboundSecret": "env:BAKERY_INBOUND_SECRET" }
/// }
/// ```
public struct SendGridEmailAdapter: ChannelAdapter {
    /// Selects this adapter in the configuration.
    public static let type = "email"
    /// Messages arrive as ``ChannelKind/email``.
    public static let kind: ChannelKind = .email
    /// `fromAddress`, `fromName`, `replyToAddress`, `apiBaseURL`, `inboundAuth`, `inboundUser`,
    /// `eventWebhookPublicKey`, `eventMaxAgeSeconds`, `maxMessageBytes`, `greeting`, `signOff`.
    public static let settingKeys: Set<String> = [
        EmailSettings.Key.fromAddress,
        EmailSettings.Key.fromName,
        EmailSettings.Key.replyToAddress,
        EmailSettings.Key.apiBaseURL,
        EmailSettings.Key.inboundAuth,
        EmailSettings.Key.inboundUser,
        EmailSettings.Key.eventWebhookPublicKey,
        EmailSettings.Key.eventMaxAgeSeconds,
        EmailSettings.Key.maxMessageBytes,
        EmailSettings.Key.greeting,
        EmailSettings.Key.signOff,
    ]
    /// `apiKey` (required), `inboundSecret` (path auth), `inboundPassword` (Basic auth).
    public static let secretKeys: Set<String> = [
        EmailSettings.Key.apiKey,
        EmailSettings.Key.inboundSecret,
        EmailSettings.Key.inboundPassword,
    ]
    /// The longest reply text, in characters.
    public static let maxTextLength = 20_000

    /// The channel this adapter serves.
    public let ref: ChannelRef
    /// Provider-API delivery of plain text up to ``maxTextLength`` characters (sent with an HTML
    /// alternative); no media, typing indicator or buttons (quick replies become a list); no
    /// reply window.
    public let capabilities: ChannelCapabilities
    /// The validated settings the adapter was built with.
    public let settings: EmailSettings
    /// The clock for event timestamps, rate-limit waits and emails without a `Date`.
    private let now: @Sendable () -> Date
    private let api: SendGridMailSendAPI

    /// Builds the adapter from a channel's configuration.
    ///
    /// - Throws: ``ChannelConfigurationError`` naming the key (see ``EmailSettings/init(configuration:)``).
    public init(configuration: ChannelConfiguration) throws(ChannelConfigurationError) {
        try self.init(configuration: configuration, now: { Date() })
    }

    /// Builds the adapter with a clock of its own (tests).
    public init(configuration: ChannelConfiguration, now: @escaping @Sendable () -> Date) throws(ChannelConfigurationError) {
        let settings = try EmailSettings(configuration: configuration)
        self.ref = configuration.ref
        self.settings = settings
        self.now = now
        self.api = SendGridMailSendAPI(settings: settings)
        self.capabilities = ChannelCapabilities(
            deliveryMode: .providerAPI,
            maxTextLength: Self.maxTextLength,
            markup: .plain,
            supportsMedia: false,
            supportsTypingIndicator: false,
            supportsQuickReplies: false,
            replyWindow: nil
        )
    }

    /// ``EmailSettings/maxMessageBytes``: emails with attachments are larger than the gateway's
    /// default body limit.
    public var maxRequestBytes: Int? { settings.maxMessageBytes }

    /// Accepts only POSTs: Event Webhook posts at `/events` signed with the configured key (see
    /// ``SendGridEventSignature``), Inbound Parse posts authenticated by path secret or Basic
    /// credentials (see ``EmailSettings/InboundAuth``) with a `multipart/form-data` body.
    ///
    /// - Throws: 405 for other methods; for events 403 `events_not_configured`, 401
    ///   `missing_signature`, `invalid_signature` or `stale_signature`; for Inbound Parse 401
    ///   `missing_secret`, 403 `forbidden`, 401 `missing_credentials` or `invalid_credentials`,
    ///   404 `not_found`, then 415 for a body that is not `multipart/form-data` with a boundary.
    public func verify(_ request: WebhookRequest) throws(WebhookError) {
        guard request.method == "POST" else {
            throw WebhookError.methodNotAllowed(request.method)
        }
        switch EmailWebhookRoute(subpath: request.subpath) {
        case .events:
            try SendGridEventSignature.verify(
                request, key: settings.eventWebhookPublicKey, maxAgeSeconds: settings.eventMaxAgeSeconds, now: now()
            )
        case .inboundParse(let segment):
            try InboundParseAuth.verify(request, segment: segment, auth: settings.inboundAuth)
            guard MultipartFormData.boundary(contentType: request.headers["Content-Type"]) != nil else {
                throw WebhookError.unsupportedMediaType("SendGrid Inbound Parse posts are multipart/form-data with a boundary")
            }
        }
    }

    /// Reads the webhook: an Event Webhook post as receipts and unreachable addresses (see
    /// ``SendGridEventWebhook``), an Inbound Parse post as one message, or as ignored when it is
    /// an automatic email (auto-reply, bounce, report, list mail).
    ///
    /// Emails that are odd but well-formed posts are acknowledged and ignored rather than refused,
    /// since SendGrid retries refused posts for three days.
    ///
    /// - Throws: 400 `malformed_payload` for a body that is not a multipart form (with the reason)
    ///   or not a JSON array of events.
    public func parse(_ request: WebhookRequest) throws(WebhookError) -> [InboundEvent] {
        switch EmailWebhookRoute(subpath: request.subpath) {
        case .events:
            return try SendGridEventWebhook.events(in: request.body, channelID: ref.channelID, now: now())
        case .inboundParse:
            guard let boundary = MultipartFormData.boundary(contentType: request.headers["Content-Type"]) else {
                throw WebhookError.unsupportedMediaType("SendGrid Inbound Parse posts are multipart/form-data with a boundary")
            }
            let parts = try MultipartFormData.parse(request.body, boundary: boundary)
            let email = InboundEmail(formParts: parts)
            return [email.event(ownAddresses: ownAddresses, now: now())]
        }
    }

    /// 200 with the counts: SendGrid retries any other answer (Inbound Parse for three days).
    public func acknowledgement(for request: WebhookRequest, accepted: Int, duplicates: Int) -> WebhookResponse {
        .json(["accepted": accepted, "duplicates": duplicates])
    }

    /// One Mail Send request: "Re: " and the customer's subject, `In-Reply-To` and `References`
    /// for threading, the greeting, the reply, quick replies as a list, attachment links and the
    /// sign-off as text and as simple HTML; the reply's id as `custom_args.gateway_message_id`.
    ///
    /// - Throws: a permanent ``SendFailure`` when the conversation has no email address or the
    ///   reply has nothing to send.
    public func render(_ reply: OutboundMessage, for conversation: ConversationAddress) throws(SendFailure) -> Delivery {
        let renderer = EmailReplyRenderer(settings: settings, api: api, channelID: ref.channelID)
        return .providerAPI([try renderer.request(for: reply, to: conversation)])
    }

    /// SendGrid's answer: the `X-Message-Id` of a 202 as provider message id.
    ///
    /// - Throws: ``SendFailure``: 429 retryable after `Retry-After` or until `X-RateLimit-Reset`,
    ///   5xx retryable; 400, 401, 403, 413 and others permanent with SendGrid's error messages.
    public func parseSendResult(_ response: ProviderResponse, for request: ProviderRequest) throws(SendFailure) -> SendReceipt {
        try SendGridSendResult.receipt(of: response, apiKey: settings.apiKey, now: now())
    }

    /// One ``ChannelUsage/Kind/email`` per recipient of a Mail Send request this adapter
    /// rendered; nothing for other requests.
    public func usage(of request: ProviderRequest) -> [ChannelUsage] {
        guard api.isMailSend(request) else { return [] }
        let recipients = SendGridMailSendAPI.recipientCount(of: request.body)
        return recipients > 0 ? [ChannelUsage(kind: .email, quantity: recipients)] : []
    }

    /// The channel's own addresses, lower-cased: mail from them is a loop.
    private var ownAddresses: Set<String> {
        Set([settings.fromAddress, settings.replyToAddress].compactMap { $0?.lowercased() })
    }
}
