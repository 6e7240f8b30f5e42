import ChannelKit
import Foundation

/// SMS and MMS through Twilio: customers text the business's Twilio number (or a number of its
/// Messaging Service); the assistant answers through the Messages API. Set-up, segment budgets
/// and the STOP/START/HELP keywords are in docs/channels/SMS.md.
///
/// Twilio POSTs each incoming message, and each status callback, as a form to
/// `/webhooks/{channelId}`, signed with `X-Twilio-Signature`. Replies are one
/// `Messages.json` call each, fitted to `maxSegments`.
///
/// Configuration:
///
/// ```json
/// {
///   "id": "bakery-sms", "type": "sms",
///   "settings": { "accountSid": "AC…", "fromNumber": "+14155550100", "maxSegments": 3 },
///   "secrets": { "authToken": "env:BAKERY_TWILIO_AUTH_TOKEN" }
/// }
/// ```
public struct SMSChannelAdapter: ChannelAdapter {
    /// Selects this adapter in the configuration.
    public static let type = "sms"
    /// Messages arrive as ``ChannelKind/sms``.
    public static let kind: ChannelKind = .sms
    /// `accountSid`, `fromNumber` or `messagingServiceSid`, `apiBaseURL`, `maxSegments`,
    /// `helpText`, `statusCallbackURL`.
    public static let settingKeys: Set<String> = [
        SMSSettings.Key.accountSid,
        SMSSettings.Key.fromNumber,
        SMSSettings.Key.messagingServiceSid,
        SMSSettings.Key.apiBaseURL,
        SMSSettings.Key.maxSegments,
        SMSSettings.Key.helpText,
        SMSSettings.Key.statusCallbackURL,
    ]
    /// `authToken` (required).
    public static let secretKeys: Set<String> = [SMSSettings.Key.authToken]
    /// The empty TwiML document that acknowledges a webhook without answering in it.
    public static let emptyTwiML = #"<?xml version="1.0" encoding="UTF-8"?><Response></Response>"#

    /// The channel this adapter serves.
    public let ref: ChannelRef
    /// Provider-API delivery of plain text, about `153 × maxSegments` characters (160 for one
    /// segment), media (MMS); no typing indicator, quick replies as text, no reply window.
    public let capabilities: ChannelCapabilities
    /// The validated settings the adapter was built with.
    public let settings: SMSSettings
    let api: TwilioMessagesAPI

    /// Builds the adapter from a channel's configuration.
    ///
    /// - Throws: ``ChannelConfigurationError`` naming the key (see ``SMSSettings/init(configuration:)``).
    public init(configuration: ChannelConfiguration) throws(ChannelConfigurationError) {
        let settings = try SMSSettings(configuration: configuration)
        self.ref = configuration.ref
        self.settings = settings
        self.api = TwilioMessagesAPI(settings: settings)
        self.capabilities = ChannelCapabilities(
            deliveryMode: .providerAPI,
            maxTextLength: settings.maxSegments == 1 ? 160 : 153 * settings.maxSegments,
            markup: .plain,
            supportsMedia: true,
            supportsTypingIndicator: false,
            supportsQuickReplies: false,
            replyWindow: nil
        )
    }

    /// Accepts only form POSTs signed by Twilio with the channel's auth token, over the request's
    /// public URL (see ``TwilioSignature``).
    ///
    /// - Throws: 405 for other methods; 415 for other content types; 401 `missing_signature`
    ///   without `X-Twilio-Signature`, 401 `invalid_signature` when it does not match.
    public func verify(_ request: WebhookRequest) throws(WebhookError) {
        try TwilioSignature.verifyForm(request, authToken: settings.authToken, product: "Twilio Messaging")
    }

    /// Reads the webhook: an incoming SMS/MMS (with ``SMSMetadataKey/compliance`` set for STOP,
    /// START and HELP keywords) or a status callback as a delivery receipt.
    ///
    /// - Throws: 400 `malformed_payload` naming the missing or invalid field (`MessageSid`, `From`,
    ///   `NumMedia`, `MediaUrl0`…).
    public func parse(_ request: WebhookRequest) throws(WebhookError) -> [InboundEvent] {
        let fields = FormFields.firstValues(try FormFields.decode(request.body))
        if let account = fields["AccountSid"], !account.isEmpty, account != settings.accountSid {
            return [.ignored(reason: "the webhook is for another Twilio account")]
        }
        return try SMSWebhook.events(in: fields, now: Date()).map(withHelpText)
    }

    /// Puts the tenant's help text on a HELP message, where the pipeline's compliance stage reads
    /// its answer (``InboundMetadataKey/complianceReply``).
    private func withHelpText(_ event: InboundEvent) -> InboundEvent {
        guard case .message(var message) = event,
              message.metadata[InboundMetadataKey.compliance] == SMSCompliance.help.rawValue else { return event }
        message.metadata[InboundMetadataKey.complianceReply] = settings.helpText
        return .message(message)
    }

    /// 200 with empty TwiML: Twilio expects TwiML, and the reply is sent later through the API.
    public func acknowledgement(for request: WebhookRequest, accepted: Int, duplicates: Int) -> WebhookResponse {
        .xml(Self.emptyTwiML)
    }

    /// One `Messages.json` request: the text made plain and fitted to `maxSegments`, quick replies
    /// appended as "Reply 1 for …" when they fit, attachment URLs as `MediaUrl` (MMS).
    ///
    /// - Throws: a permanent ``SendFailure`` when there is nothing to send or no number to send to.
    public func render(_ reply: OutboundMessage, for conversation: ConversationAddress) throws(SendFailure) -> Delivery {
        .providerAPI([try SMSReplyRenderer(settings: settings, api: api).request(for: reply, to: conversation)])
    }

    /// Twilio's answer: the message SID (`SM…`) as provider message id.
    ///
    /// - Throws: ``SendFailure``: 429, 5xx and code 20429 retryable with `Retry-After`; other
    ///   errors permanent with Twilio's code as provider code (21610: the recipient replied STOP).
    public func parseSendResult(_ response: ProviderResponse, for request: ProviderRequest) throws(SendFailure) -> SendReceipt {
        try TwilioSendResult.receipt(of: response)
    }

    /// What a sent request is billed: its ``costSegments(for:)`` as SMS segments (none for 0).
    public func usage(of request: ProviderRequest) -> [ChannelUsage] {
        let segments = costSegments(for: request)
        return segments > 0 ? [ChannelUsage(kind: .smsSegment, quantity: segments)] : []
    }

    /// The SMS segments a rendered request costs, for the cost ledger: the segments of its `Body`
    /// (see ``SMSSegments``), or 1 for an MMS (a message with `MediaUrl`, billed per message).
    /// 0 for a request that is not a Messages API call this adapter rendered.
    public func costSegments(for request: ProviderRequest) -> Int {
        guard let fields = try? FormFields.decode(request.body) else { return 0 }
        if fields.contains(where: { $0.name == "MediaUrl" }) { return 1 }
        guard let body = fields.first(where: { $0.name == "Body" })?.value else { return 0 }
        return SMSSegments.count(body).segments
    }

    /// The reply a compliance keyword calls for: the tenant's ``SMSSettings/helpText`` for HELP
    /// or INFO; nil for STOP and START (Twilio's opt-out handling answers those itself, and after
    /// STOP nothing may be sent) and for ordinary messages.
    public func complianceReply(to message: InboundMessage) -> OutboundMessage? {
        guard message.metadata[SMSMetadataKey.compliance] == SMSCompliance.help.rawValue else { return nil }
        return OutboundMessage(id: "help-\(message.providerMessageID)", text: settings.helpText)
    }
}
