import ChannelKit
import Foundation

/// Phone calls to a Twilio number, answered by the assistant: Twilio transcribes what the caller
/// says (`<Gather input="speech">`) and says the answer (`<Say>`), turn by turn. Set-up, what
/// the caller hears and the call cap are in docs/channels/VOICE.md.
///
/// Twilio POSTs each step of a call as a form to `/webhooks/{channelId}`, signed with
/// `X-Twilio-Signature`; the adapter tells the steps apart by the query parameters it writes in
/// its own action URLs (``VoiceStep``). Replies travel in the webhook's response as TwiML
/// (delivery mode ``ChannelKit/DeliveryMode/webhookReply``): the gateway answers within the
/// channel's time budget while Twilio waits.
///
/// Configuration:
///
/// ```json
/// {
///   "id": "bakery-voice", "type": "voice",
///   "settings": { "accountSid": "AC…", "greeting": "Hi, you've reached Bella's Bakery. How can I help?",
///                 "humanNumber": "+14155550199" },
///   "secrets": { "authToken": "env:BAKERY_TWILIO_AUTH_TOKEN" }
/// }
/// ```
public struct VoiceChannelAdapter: ChannelAdapter {
    /// Selects this adapter in the configuration.
    public static let type = "voice"
    /// Calls arrive as ``ChannelKind/voice``.
    public static let kind: ChannelKind = .voice
    /// `accountSid`, `voice`, `language`, `greeting`, `repromptText`, `farewell`, `humanNumber`,
    /// `takeMessageText`, `messageTakenText`, `speechTimeoutSeconds`, `maxSpokenCharacters`.
    public static let settingKeys: Set<String> = [
        VoiceSettings.Key.accountSid,
        VoiceSettings.Key.voice,
        VoiceSettings.Key.language,
        VoiceSettings.Key.greeting,
        VoiceSettings.Key.repromptText,
        VoiceSettings.Key.farewell,
        VoiceSettings.Key.humanNumber,
        VoiceSettings.Key.takeMessageText,
        VoiceSettings.Key.messageTakenText,
        VoiceSettings.Key.speechTimeoutSeconds,
        VoiceSettings.Key.maxSpokenCharacters,
    ]
    /// `authToken` (required).
    public static let secretKeys: Set<String> = [VoiceSettings.Key.authToken]
    /// The empty TwiML document that acknowledges a status callback.
    public static let emptyTwiML = VoiceTwiML.empty

    /// The channel this adapter serves.
    public let ref: ChannelRef
    /// Replies in the webhook's response, spoken: up to 1,000 characters (said in
    /// `maxSpokenCharacters` at most), no media, typing indicator or quick replies.
    public let capabilities: ChannelCapabilities
    /// The validated settings the adapter was built with.
    public let settings: VoiceSettings

    /// Builds the adapter from a channel's configuration.
    ///
    /// - Throws: ``ChannelConfigurationError`` naming the key (see ``VoiceSettings/init(configuration:)``).
    public init(configuration: ChannelConfiguration) throws(ChannelConfigurationError) {
        self.ref = configuration.ref
        self.settings = try VoiceSettings(configuration: configuration)
        self.capabilities = ChannelCapabilities(
            deliveryMode: .webhookReply,
            maxTextLength: 1_000,
            markup: .speech,
            supportsMedia: false,
            supportsTypingIndicator: false,
            supportsQuickReplies: false,
            replyWindow: nil
        )
    }

    /// Accepts only form POSTs signed by Twilio with the channel's auth token, over the request's
    /// public URL with its query (the step of the call; see ``TwilioSignature``).
    ///
    /// - Throws: 405 for other methods; 415 for other content types; 401 `missing_signature`
    ///   without `X-Twilio-Signature`, 401 `invalid_signature` when it does not match.
    public func verify(_ request: WebhookRequest) throws(WebhookError) {
        try TwilioSignature.verifyForm(request, authToken: settings.authToken, product: "Twilio Voice")
    }

    /// Reads one step of a call (see ``VoiceStep``):
    ///
    /// - an incoming call: a message `CA…:start` with empty text and
    ///   ``VoiceMetadataKey/callStarted``, on which the pipeline applies the daily call cap;
    /// - what the caller said on turn N: a message `CA…:N` (with ``VoiceMetadataKey/closingReply``
    ///   set to the farewell when it is a goodbye); a silence is ignored;
    /// - a message left after a handoff: a message `CA…:message`;
    /// - a status callback of a finished call: its minutes as ``ChannelKit/InboundEvent/usage(_:)``.
    ///
    /// Every message's thread is the call (`CallSid`); its sender the caller's number.
    ///
    /// - Throws: 400 `malformed_payload` naming a missing `CallSid` or `From`, an invalid
    ///   `CallDuration`, or an unknown `step`.
    public func parse(_ request: WebhookRequest) throws(WebhookError) -> [InboundEvent] {
        let webhook = try VoiceWebhook(request, fallbackPath: fallbackPath)
        if webhook.isForeign(to: settings.accountSid) {
            return [.ignored(reason: "the webhook is for another Twilio account")]
        }
        return try webhook.events(farewell: settings.farewell, now: Date())
    }

    /// The TwiML for a step the pipeline did not answer: the greeting for an accepted call, the
    /// reprompt or the farewell after a silence, the thanks after a message, empty TwiML for a
    /// status callback (see ``VoiceCallFlow/acknowledgement(for:)``).
    public func acknowledgement(for request: WebhookRequest, accepted: Int, duplicates: Int) -> WebhookResponse {
        guard let webhook = try? VoiceWebhook(request, fallbackPath: fallbackPath), !webhook.isForeign(to: settings.accountSid) else {
            return .xml(Self.emptyTwiML)
        }
        return .xml(VoiceCallFlow(settings: settings, actionPath: webhook.actionPath).acknowledgement(for: webhook))
    }

    /// The reply as TwiML in the webhook's response, by its intent: an answer is said and the
    /// next turn listened to; a handoff transfers to `humanNumber` or takes a message; a notice
    /// (the call cap) or a farewell is said and the call hung up. The text is made speakable
    /// (``VoiceSpeakableText``) and cut to `maxSpokenCharacters`.
    ///
    /// The turn and the webhook path come from the answered message's metadata in
    /// `conversation.context`.
    public func render(_ reply: OutboundMessage, for conversation: ConversationAddress) throws(SendFailure) -> Delivery {
        let path = conversation.context[VoiceMetadataKey.actionPath].flatMap { $0.isEmpty ? nil : $0 } ?? fallbackPath
        let flow = VoiceCallFlow(settings: settings, actionPath: path)
        return .webhookReply(.xml(flow.twiml(for: reply, at: VoiceCallFlow.Position(of: conversation))))
    }

    /// The webhook path when the request's public URL does not tell it.
    private var fallbackPath: String {
        "/webhooks/\(ref.channelID)"
    }
}
