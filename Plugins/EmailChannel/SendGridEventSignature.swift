import ChannelKit
import Foundation

/// SendGrid's signed Event Webhook: each post carries `X-Twilio-Email-Event-Webhook-Signature`,
/// the base64 DER ECDSA P-256 signature with SHA-256 of the `X-Twilio-Email-Event-Webhook-Timestamp`
/// value followed by the raw body, made with a private key whose public half SendGrid shows as
/// the webhook's verification key.
///
/// Replay protection: SendGrid does not ask receivers to check the timestamp. The channel checks
/// it anyway (``EmailSettings/eventMaxAgeSeconds``, 10 minutes by default) so that a captured
/// request cannot be replayed later; the events it carries are idempotent facts, so the window
/// can be widened or switched off (0) where the gateway's clock or SendGrid's retries need it.
public enum SendGridEventSignature {
    /// The header carrying the signature.
    public static let signatureHeader = "X-Twilio-Email-Event-Webhook-Signature"
    /// The header carrying the Unix time (seconds) the signature covers.
    public static let timestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp"

    /// Checks an Event Webhook request.
    ///
    /// - Parameters:
    ///   - key: the verification key; nil when the channel has none configured.
    ///   - maxAgeSeconds: how far the timestamp may be from `now`, either way; nil: not checked.
    /// - Throws: 403 `events_not_configured` without a key; 401 `missing_signature` without
    ///   either header; 401 `invalid_signature` when the signature does not match or the
    ///   timestamp is not a number; 401 `stale_signature` when the timestamp is too far from `now`.
    public static func verify(
        _ request: WebhookRequest, key: Signature.P256PublicKey?, maxAgeSeconds: Int?, now: Date
    ) throws(WebhookError) {
        guard let key else {
            throw WebhookError(
                status: 403, code: "events_not_configured",
                message: "the channel has no settings.eventWebhookPublicKey; enable Signed Event Webhook Requests at SendGrid and copy its verification key"
            )
        }
        guard let signature = request.headers[signatureHeader]?.trimmingCharacters(in: .whitespaces), !signature.isEmpty else {
            throw WebhookError.missingSignature(signatureHeader)
        }
        guard let timestamp = request.headers[timestampHeader]?.trimmingCharacters(in: .whitespaces), !timestamp.isEmpty else {
            throw WebhookError.missingSignature(timestampHeader)
        }
        guard timestamp.count <= 12, let seconds = Int64(timestamp) else {
            throw WebhookError.invalidSignature("the \(timestampHeader) header is not a Unix time")
        }
        guard key.isValidSignature(signature, for: Data(timestamp.utf8) + request.body) else {
            throw WebhookError.invalidSignature("the \(signatureHeader) header does not match the timestamp and body for the configured verification key")
        }
        if let maxAgeSeconds {
            let age = now.timeIntervalSince1970 - Double(seconds)
            guard abs(age) <= Double(maxAgeSeconds) else {
                throw WebhookError(
                    status: 401, code: "stale_signature",
                    message: "the signed timestamp is \(Int(age)) seconds from the gateway's clock, more than the \(maxAgeSeconds) allowed (settings.eventMaxAgeSeconds)"
                )
            }
        }
    }
}
