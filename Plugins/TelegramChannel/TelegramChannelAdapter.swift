import ChannelKit
import Foundation

/// Telegram, through the Bot API: customers write to the business's bot, the assistant answers
/// in the same chat. Set-up and the update kinds handled are in docs/channels/TELEGRAM.md.
///
/// Updates arrive by webhook (Telegram POSTs each one to `/webhooks/{channelId}`, registered with
/// `gateway channels register <channelId>`) or, in polling mode, by long-polling `getUpdates`,
/// which needs no public URL. Replies are Bot API calls (`sendMessage`…) the dispatcher sends.
///
/// Configuration:
///
/// ```json
/// {
///   "id": "bakery-telegram", "type": "telegram",
///   "settings": { "mode": "webhook", "parseMode": "HTML" },
///   "secrets": { "botToken": "env:BAKERY_TELEGRAM_BOT_TOKEN", "webhookSecret": "env:BAKERY_TELEGRAM_WEBHOOK_SECRET" }
/// }
/// ```
public struct TelegramChannelAdapter: ChannelAdapter {
    /// Selects this adapter in the configuration.
    public static let type = "telegram"
    /// Messages arrive as ``ChannelKind/telegram``.
    public static let kind: ChannelKind = .telegram
    /// `apiBaseURL`, `mode`, `parseMode` and `maxTextLength`, all optional.
    public static let settingKeys: Set<String> = [
        TelegramSettings.Key.apiBaseURL,
        TelegramSettings.Key.mode,
        TelegramSettings.Key.parseMode,
        TelegramSettings.Key.maxTextLength,
    ]
    /// `botToken` (required) and `webhookSecret` (required in webhook mode).
    public static let secretKeys: Set<String> = [TelegramSettings.Key.botToken, TelegramSettings.Key.webhookSecret]
    /// The header Telegram puts the webhook's `secret_token` in.
    public static let secretTokenHeader = "X-Telegram-Bot-Api-Secret-Token"

    /// The channel this adapter serves.
    public let ref: ChannelRef
    /// Provider-API delivery, text split at `maxTextLength` in the parse mode's markup, media,
    /// typing indicator and quick replies (inline keyboards); no reply window.
    public let capabilities: ChannelCapabilities
    /// The validated settings the adapter was built with.
    public let settings: TelegramSettings
    /// Builds the Bot API calls.
    let api: TelegramAPI

    /// Builds the adapter from a channel's configuration.
    ///
    /// - Throws: ``ChannelConfigurationError`` naming the key: `secrets.botToken` missing or not a
    ///   bot token, `secrets.webhookSecret` missing in webhook mode or with characters Telegram
    ///   refuses, `settings.apiBaseURL` not an absolute http(s) URL, `settings.mode` not
    ///   `webhook`/`polling`, `settings.parseMode` not `HTML`/`MarkdownV2`/`plain`,
    ///   `settings.maxTextLength` not an integer from 16 to 4096.
    public init(configuration: ChannelConfiguration) throws(ChannelConfigurationError) {
        let settings = try TelegramSettings(configuration: configuration)
        self.ref = configuration.ref
        self.settings = settings
        self.api = TelegramAPI(baseURL: settings.apiBaseURL, botToken: settings.botToken)
        self.capabilities = ChannelCapabilities(
            deliveryMode: .providerAPI,
            maxTextLength: settings.maxTextLength,
            markup: settings.parseMode.markup,
            supportsMedia: true,
            supportsTypingIndicator: true,
            supportsQuickReplies: true,
            replyWindow: nil
        )
    }

    /// Accepts only POST requests whose `X-Telegram-Bot-Api-Secret-Token` is the channel's
    /// `webhookSecret` (compared in constant time).
    ///
    /// - Throws: 403 `forbidden` in polling mode (the channel takes no webhooks); 405 for other
    ///   methods; 401 `missing_signature` without the header, 401 `invalid_signature` when it differs.
    public func verify(_ request: WebhookRequest) throws(WebhookError) {
        guard settings.mode == .webhook, let secret = settings.webhookSecret else {
            throw WebhookError.forbidden(
                "this Telegram channel is in polling mode and takes no webhooks; set settings.mode to \"webhook\" to receive them"
            )
        }
        guard request.method == "POST" else {
            throw WebhookError.methodNotAllowed(request.method)
        }
        guard let token = request.headers[Self.secretTokenHeader], !token.isEmpty else {
            throw WebhookError.missingSignature(Self.secretTokenHeader)
        }
        guard Signature.constantTimeEquals(token, secret.value) else {
            throw WebhookError.invalidSignature("the \(Self.secretTokenHeader) header does not match the channel's webhookSecret")
        }
    }

    /// Reads the webhook's one Update: a message, an edit or a button press, or an ignored
    /// update with the reason (channel posts, membership changes, other kinds).
    ///
    /// - Throws: 400 `malformed_payload` naming the field in error (`update_id`, `message.chat.id`…).
    public func parse(_ request: WebhookRequest) throws(WebhookError) -> [InboundEvent] {
        let update = try TelegramPayload.object(in: request.body)
        return [try TelegramUpdate.event(in: update, now: Date())]
    }

    /// `sendMessage` per part of the text (split at `maxTextLength` after escaping for the parse
    /// mode), then one call per attachment; quick replies as an inline keyboard on the last part.
    ///
    /// - Throws: a permanent ``SendFailure`` when there is nothing Telegram can send.
    public func render(_ reply: OutboundMessage, for conversation: ConversationAddress) throws(SendFailure) -> Delivery {
        .providerAPI(try TelegramReplyRenderer(settings: settings, api: api).requests(for: reply, to: conversation))
    }

    /// On accepting a message: `answerCallbackQuery` for a button press (Telegram shows a spinner
    /// on the button until it is answered), then `sendChatAction` `typing` to the chat.
    public func acceptedRequests(for message: InboundMessage) -> [ProviderRequest] {
        var requests: [ProviderRequest] = []
        if let queryID = message.metadata[TelegramMetadataKey.callbackQueryID] {
            requests.append(api.request("answerCallbackQuery", ["callback_query_id": .string(queryID)]))
        }
        requests.append(api.request("sendChatAction", ["chat_id": .chatID(message.threadKey), "action": "typing"]))
        return requests
    }

    /// Telegram's answer to a call: the sent message's id `"<chat id>:<message_id>"` (calls that
    /// return `true`, such as `sendChatAction`, give no id).
    ///
    /// - Throws: ``SendFailure``: 429 retryable after `parameters.retry_after`, 5xx retryable,
    ///   400/403 ("chat not found", "bot was blocked by the user") permanent, with Telegram's
    ///   `description` as reason and `error_code` as provider code.
    public func parseSendResult(_ response: ProviderResponse, for request: ProviderRequest) throws(SendFailure) -> SendReceipt {
        guard case .object(let message) = try TelegramAnswer.result(of: response),
              let number = message["message_id"].flatMap(TelegramAnswer.integer) else {
            return SendReceipt(providerMessageID: nil)
        }
        var chat: Int?
        if case .object(let members)? = message["chat"] {
            chat = members["id"].flatMap(TelegramAnswer.integer)
        }
        // Falls back to the chat the request named.
        let chatKey = chat.map(String.init) ?? TelegramAnswer.object(in: request.body)?["chat_id"].flatMap(Self.chatKey)
        guard let chatKey else {
            return SendReceipt(providerMessageID: nil)
        }
        return SendReceipt(providerMessageID: "\(chatKey):\(number)")
    }

    private static func chatKey(_ value: JSONValue) -> String? {
        switch value {
        case .number: TelegramAnswer.integer(value).map(String.init)
        case .string(let text): text
        default: nil
        }
    }
}
