import ChannelKit

/// What every Meta channel (WhatsApp, Instagram) needs from its Meta app: the secrets to verify
/// webhooks and call the Graph API, and where the Graph API is.
///
/// Built by ``init(configuration:defaultGraphBaseURL:)``, which documents the keys it reads.
public struct MetaAppSettings: Hashable, Sendable {
    /// The Graph API host used when `graphBaseURL` is absent.
    public static let defaultGraphBaseURL = "https://graph.facebook.com"
    /// The Graph API version used when `graphVersion` is absent.
    public static let defaultGraphVersion = "v21.0"

    /// The token the Graph API calls carry as `Authorization: Bearer …` (a system user token).
    public let accessToken: Secret
    /// The app secret webhooks are signed with (`X-Hub-Signature-256`).
    public let appSecret: Secret
    /// The token typed into the App Dashboard when the webhook URL was saved.
    public let verifyToken: Secret
    /// The Graph API's base URL without a trailing slash.
    public let graphBaseURL: String
    /// The Graph API version, such as `v21.0`.
    public let graphVersion: String

    /// The request builder for these settings.
    var graph: GraphAPI {
        GraphAPI(baseURL: graphBaseURL, version: graphVersion, accessToken: accessToken)
    }
}
