import ChannelKit

/// The validated configuration of one Instagram channel (one professional account).
///
/// Built from the channel's entry in the configuration file by ``init(configuration:)``, which
/// documents the keys it reads.
public struct InstagramSettings: Hashable, Sendable {
    /// The `maxTextLength` used when the setting is absent: Instagram's limit.
    public static let defaultMaxTextLength = InstagramLimits.maxTextLength
    /// The values `maxTextLength` may take.
    public static let maxTextLengthRange = 1...InstagramLimits.maxTextLength

    /// The Meta app's secrets and Graph API location.
    public let app: MetaAppSettings
    /// The node messages are sent from: the Instagram professional account's id (Instagram API
    /// with Instagram Login), or the id of the Facebook Page linked to it (Messenger API for
    /// Instagram on graph.facebook.com).
    public let igUserID: String
    /// The longest text one message carries (also never more than 1000 UTF-8 bytes).
    public let maxTextLength: Int
}
