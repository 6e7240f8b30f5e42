import ChannelKit
import Foundation

/// The validated configuration of one Telegram channel.
///
/// Built from the channel's entry in the configuration file by ``init(configuration:)``, which
/// documents the keys it reads.
public struct TelegramSettings: Hashable, Sendable {
    /// How the channel receives updates from Telegram.
    public enum Mode: String, Hashable, Sendable, CaseIterable {
        /// Telegram POSTs each update to `/webhooks/{channelId}` (registered with `setWebhook`).
        case webhook
        /// The gateway long-polls `getUpdates`; no public URL needed.
        case polling
    }

    /// The Bot API's address, used when `apiBaseURL` is absent.
    public static let defaultAPIBaseURL = "https://api.telegram.org"
    /// The `maxTextLength` used when the setting is absent: Telegram's limit for one message.
    public static let defaultMaxTextLength = 4096
    /// The values `maxTextLength` may take. Telegram refuses longer messages; below 16 an
    /// escaped character might not fit.
    public static let maxTextLengthRange = 16...4096

    /// The bot's token from BotFather (`123456789:AA…`). It is part of every API URL.
    public let botToken: Secret
    /// The `secret_token` given to `setWebhook`, which Telegram sends back in the
    /// `X-Telegram-Bot-Api-Secret-Token` header. Required in webhook mode.
    public let webhookSecret: Secret?
    /// The Bot API's base URL without a trailing slash (a local Bot API server, or a fake in tests).
    public let apiBaseURL: String
    /// Webhook or polling.
    public let mode: Mode
    /// How reply text is marked up (and therefore escaped).
    public let parseMode: TelegramParseMode
    /// The longest text one message carries, in UTF-16 code units after escaping; longer replies
    /// are split into several messages.
    public let maxTextLength: Int
}
