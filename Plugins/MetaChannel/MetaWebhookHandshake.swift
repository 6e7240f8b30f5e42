import ChannelKit

/// Meta's webhook verification request: when a webhook URL is saved in the App Dashboard, Meta
/// sends `GET ?hub.mode=subscribe&hub.verify_token=<token>&hub.challenge=<challenge>` and expects
/// the challenge back, as plain text, when the token is the one configured.
public enum MetaWebhookHandshake {
    /// The answer to a verification request, or nil when `request` is not one (not a GET, or no
    /// `hub.mode=subscribe`).
    ///
    /// - Throws: 403 ``WebhookError/forbidden(_:)`` when `hub.verify_token` is not `verifyToken`
    ///   (compared in constant time); 400 when `hub.challenge` is missing.
    public static func response(to request: WebhookRequest, verifyToken: Secret) throws(WebhookError) -> WebhookResponse? {
        guard request.method == "GET", request.query("hub.mode") == "subscribe" else { return nil }
        guard let token = request.query("hub.verify_token"), Signature.constantTimeEquals(token, verifyToken.value) else {
            throw WebhookError.forbidden("hub.verify_token does not match the channel's verifyToken")
        }
        guard let challenge = request.query("hub.challenge"), !challenge.isEmpty else {
            throw WebhookError.malformed("the verification request has no hub.challenge to echo")
        }
        return .text(challenge)
    }
}
