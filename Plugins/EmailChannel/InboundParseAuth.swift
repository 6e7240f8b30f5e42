import ChannelKit
import Foundation

/// Authenticates SendGrid Inbound Parse posts, which SendGrid does not sign: by a secret last
/// path segment (`/webhooks/{channelId}/{inboundSecret}`) or by HTTP Basic credentials written
/// into the URL configured at SendGrid (`https://user:password@gateway/webhooks/{channelId}`).
/// Secrets are compared in constant time.
enum InboundParseAuth {
    /// Checks the request against the channel's ``EmailSettings/InboundAuth``.
    ///
    /// - Throws: with path auth, 401 `missing_secret` when the path has no secret segment and 403
    ///   `forbidden` when it is not the secret; with Basic auth, 404 `not_found` for a path with a
    ///   segment, 401 `missing_credentials` without an `Authorization: Basic` header and 401
    ///   `invalid_credentials` when it does not match.
    static func verify(_ request: WebhookRequest, segment: String, auth: EmailSettings.InboundAuth) throws(WebhookError) {
        switch auth {
        case .path(let secret):
            guard !segment.isEmpty else {
                throw WebhookError(
                    status: 401, code: "missing_secret",
                    message: "the Inbound Parse URL must end with the channel's inboundSecret: /webhooks/{channelId}/{inboundSecret}"
                )
            }
            guard Signature.constantTimeEquals(segment, secret.value) else {
                throw WebhookError.forbidden("the webhook path does not end with the channel's inboundSecret")
            }
        case .basic(let user, let password):
            guard segment.isEmpty else {
                throw WebhookError(status: 404, code: "not_found", message: "this channel takes Inbound Parse posts at /webhooks/{channelId} and events at /webhooks/{channelId}/events")
            }
            guard let credentials = basicCredentials(request.headers["Authorization"]) else {
                throw WebhookError(
                    status: 401, code: "missing_credentials",
                    message: "the request has no Authorization: Basic header; put user:password@ in the Inbound Parse URL"
                )
            }
            // Both compared, whatever the first gives, so the time taken tells nothing.
            let userMatches = Signature.constantTimeEquals(credentials.user, user)
            let passwordMatches = Signature.constantTimeEquals(credentials.password, password.value)
            guard userMatches && passwordMatches else {
                throw WebhookError(status: 401, code: "invalid_credentials", message: "the Basic auth user or password does not match the channel's")
            }
        }
    }

    /// The user and password of an `Authorization: Basic …` value, or nil.
    static func basicCredentials(_ header: String?) -> (user: String, password: String)? {
        guard let header else { return nil }
        let pieces = header.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
        guard pieces.count == 2, pieces[0].lowercased() == "basic",
              let decoded = Data(base64Encoded: pieces[1].trimmingCharacters(in: .whitespaces)),
              let text = String(data: decoded, encoding: .utf8),
              let colon = text.firstIndex(of: ":") else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}
