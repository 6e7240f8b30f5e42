import Foundation

/// A channel adapter: a pure translator between one provider's wire format and the gateway's
/// normalized model. It does no I/O; the gateway receives, stores and sends.
///
/// An adapter is a value built from one channel's configuration. Conforming types list the
/// settings and secrets they read so configuration errors can name unknown keys.
///
/// The gateway calls, for each webhook request: ``handshake(_:)`` (set-up challenges), then
/// ``verify(_:)``, then ``parse(_:)``; for each reply: ``render(_:for:)``, and for each provider
/// answer to a rendered request: ``parseSendResult(_:for:)``.
public protocol ChannelAdapter: Sendable {
    /// The `type` value that selects this adapter in the configuration (`"api"`, `"telegram"`).
    static var type: String { get }
    /// The channel kind its messages carry.
    static var kind: ChannelKind { get }
    /// Every settings key the adapter reads; others are configuration errors.
    static var settingKeys: Set<String> { get }
    /// Every secret key the adapter reads; others are configuration errors.
    static var secretKeys: Set<String> { get }

    /// Builds the adapter, validating settings and secrets.
    init(configuration: ChannelConfiguration) throws(ChannelConfigurationError)

    /// The channel this adapter serves.
    var ref: ChannelRef { get }
    /// What the channel can carry and how replies are delivered.
    var capabilities: ChannelCapabilities { get }
    /// The largest webhook body the channel accepts, in bytes (an email with attachments); nil
    /// for the gateway's own limit (`gateway.maxBodyBytes`). Larger bodies get 413.
    var maxRequestBytes: Int? { get }

    /// Answers a provider's set-up challenge (Meta's `hub.challenge`), or returns nil when the
    /// request is not one. Called before ``verify(_:)``; throws when the challenge's token is wrong.
    func handshake(_ request: WebhookRequest) throws(WebhookError) -> WebhookResponse?

    /// Checks that the request comes from the provider (signature, secret token). Throws a 401 or
    /// 403 ``WebhookError`` otherwise. Comparisons are constant-time.
    func verify(_ request: WebhookRequest) throws(WebhookError)

    /// Turns a verified request into events. Throws a 4xx ``WebhookError`` for a malformed body.
    func parse(_ request: WebhookRequest) throws(WebhookError) -> [InboundEvent]

    /// The response that acknowledges an accepted request (after its messages are stored).
    func acknowledgement(for request: WebhookRequest, accepted: Int, duplicates: Int) -> WebhookResponse

    /// Shapes a reply for the channel, in its delivery mode (split to the length limit, escaped).
    func render(_ reply: OutboundMessage, for conversation: ConversationAddress) throws(SendFailure) -> Delivery

    /// Requests to send when the assistant starts on an accepted message, before it answers:
    /// mark it as read, answer a button press, show a typing indicator. Best effort: sent once,
    /// never retried, failures only logged.
    func acceptedRequests(for message: InboundMessage) -> [ProviderRequest]

    /// What the provider charges for a request this adapter rendered, once it was accepted (SMS
    /// segments, emails). The gateway prices it and records it in the tenant's cost ledger.
    func usage(of request: ProviderRequest) -> [ChannelUsage]

    /// Interprets the provider's answer to one rendered request (`request` is what was sent, so
    /// an adapter can fall back to an id it put in the request).
    func parseSendResult(_ response: ProviderResponse, for request: ProviderRequest) throws(SendFailure) -> SendReceipt
}

extension ChannelAdapter {
    public static var kind: ChannelKind { ChannelKind(rawValue: type) ?? .api }

    public func handshake(_ request: WebhookRequest) throws(WebhookError) -> WebhookResponse? { nil }
    public var maxRequestBytes: Int? { nil }

    public func acceptedRequests(for message: InboundMessage) -> [ProviderRequest] { [] }

    public func usage(of request: ProviderRequest) -> [ChannelUsage] { [] }

    public func acknowledgement(for request: WebhookRequest, accepted: Int, duplicates: Int) -> WebhookResponse {
        .json(["accepted": accepted, "duplicates": duplicates])
    }

    /// The default interpretation of a provider's answer: 2xx accepted (no id), 408/425/429 and
    /// 5xx retryable (with `Retry-After` when given), any other status permanent.
    public func parseSendResult(_ response: ProviderResponse, for request: ProviderRequest) throws(SendFailure) -> SendReceipt {
        try Self.defaultSendResult(response)
    }

    /// The default interpretation, callable from adapters that look at the body first.
    public static func defaultSendResult(_ response: ProviderResponse) throws(SendFailure) -> SendReceipt {
        switch response.status {
        case 200..<300:
            return SendReceipt(providerMessageID: nil)
        case 408, 425, 429, 500..<600:
            throw SendFailure(
                isRetryable: true,
                retryAfter: RetryAfter.parse(response.headers["Retry-After"]),
                status: response.status,
                reason: "the provider answered \(response.status)"
            )
        default:
            throw SendFailure(isRetryable: false, status: response.status, reason: "the provider refused the request with \(response.status)")
        }
    }
}
