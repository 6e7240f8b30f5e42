import ChannelKit

/// The validated configuration of one email channel (a SendGrid account, a sender address and
/// an Inbound Parse host).
///
/// Built from the channel's entry in the configuration file by ``init(configuration:)``, which
/// documents the keys it reads.
public struct EmailSettings: Hashable, Sendable {
    /// How the gateway recognizes Inbound Parse posts as SendGrid's.
    public enum InboundAuth: Hashable, Sendable {
        /// The Inbound Parse URL ends with a secret path segment: `/webhooks/{channelId}/{secret}`.
        case path(secret: Secret)
        /// The Inbound Parse URL carries HTTP Basic credentials: `https://user:password@host/webhooks/{channelId}`.
        case basic(user: String, password: Secret)
    }

    /// SendGrid's API, used when `apiBaseURL` is absent (`https://api.eu.sendgrid.com` for EU subusers).
    public static let defaultAPIBaseURL = "https://api.sendgrid.com"
    /// The webhook body limit used when `maxMessageBytes` is absent: 20 MiB.
    public static let defaultMaxMessageBytes = 20 * 1_048_576
    /// The values `maxMessageBytes` may take: 1 MiB to 64 MiB.
    public static let maxMessageBytesRange = 1_048_576...(64 * 1_048_576)
    /// How old a signed Event Webhook request may be when `eventMaxAgeSeconds` is absent.
    public static let defaultEventMaxAgeSeconds = 600
    /// The values `eventMaxAgeSeconds` may take (0 switches the check off).
    public static let eventMaxAgeRange = 0...86_400
    /// The first line of every reply when `greeting` is absent; `{name}` is the customer's name.
    public static let defaultGreeting = "Hello {name},"
    /// The end of every reply when `signOff` is absent; `{fromName}` is ``fromName``.
    public static let defaultSignOff = "Best regards,\n{fromName}"
    /// The path segment of the Event Webhook: `/webhooks/{channelId}/events`.
    public static let eventsPathSegment = "events"

    /// The sender address of replies (a verified Sender Identity or authenticated domain in SendGrid).
    public let fromAddress: String
    /// The name shown with ``fromAddress``.
    public let fromName: String?
    /// Where customers' replies should go, when that is not ``fromAddress`` (an address on the
    /// Inbound Parse host).
    public let replyToAddress: String?
    /// SendGrid's API base URL without a trailing slash.
    public let apiBaseURL: String
    /// The API key (Mail Send permission), sent as `Authorization: Bearer`.
    public let apiKey: Secret
    /// How Inbound Parse posts are authenticated.
    public let inboundAuth: InboundAuth
    /// The signed Event Webhook's verification key; nil when delivery events are not received.
    public let eventWebhookPublicKey: Signature.P256PublicKey?
    /// How far a signed event request's timestamp may be from now, in seconds; nil: not checked.
    public let eventMaxAgeSeconds: Int?
    /// The largest webhook body accepted, in bytes (an email with its attachments).
    public let maxMessageBytes: Int
    /// The line a reply starts with (`{name}` replaced); empty for none.
    public let greeting: String
    /// The lines a reply ends with (`{fromName}` replaced); empty for none.
    public let signOff: String
}
