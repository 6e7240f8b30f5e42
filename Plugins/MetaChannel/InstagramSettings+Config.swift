import ChannelKit

extension InstagramSettings {
    /// The settings keys the Instagram channel reads, besides the Meta app's.
    enum Key {
        /// Required: the account (or linked Page) id messages are sent from.
        static let igUserID = "igUserId"
        /// Optional integer, 1...1000, default 1000.
        static let maxTextLength = "maxTextLength"

        static let all: Set<String> = [igUserID, maxTextLength]
    }

    /// Reads and validates an Instagram channel's configuration.
    ///
    /// - `settings.igUserId` (required): the numeric id of the Instagram professional account (or
    ///   of its linked Facebook Page, with graph.facebook.com and a Page access token).
    /// - `settings.maxTextLength` (optional): 1...1000, default 1000.
    /// - `settings.graphBaseURL` (optional): default `https://graph.facebook.com`; use
    ///   `https://graph.instagram.com` with the Instagram API with Instagram Login.
    /// - `settings.graphVersion`, `secrets.accessToken`, `secrets.appSecret`, `secrets.verifyToken`:
    ///   see ``MetaAppSettings``.
    ///
    /// - Throws: ``ChannelConfigurationError`` naming the offending key.
    public init(configuration: ChannelConfiguration) throws(ChannelConfigurationError) {
        self.app = try MetaAppSettings(configuration: configuration)
        self.igUserID = try configuration.requireNodeID(Key.igUserID)
        self.maxTextLength = try configuration.boundedInt(Key.maxTextLength, in: Self.maxTextLengthRange, default: Self.defaultMaxTextLength)
    }
}
