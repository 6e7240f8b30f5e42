/// How replies reach a channel's customers.
public enum DeliveryMode: String, Codable, Sendable {
    /// Replies are HTTP requests to the provider's API, sent asynchronously by the dispatcher
    /// (Telegram, WhatsApp, Instagram, SMS, email, the API channel).
    case providerAPI
    /// The reply travels in the webhook's own HTTP response (voice: TwiML).
    case webhookReply
    /// Replies are frames pushed over a live connection the customer holds open (web chat).
    case liveConnection
}

/// A frame for a live connection (web chat), as the adapter shaped it.
public struct LiveFrame: Hashable, Sendable {
    /// The encoded frame (JSON text for web chat).
    public var text: String

    public init(text: String) {
        self.text = text
    }
}

/// A rendered reply, in the channel's delivery mode.
public enum Delivery: Hashable, Sendable {
    /// Requests for the dispatcher to send, in order (a long reply split into several messages).
    case providerAPI([ProviderRequest])
    /// The response to give the webhook that is waiting for the answer.
    case webhookReply(WebhookResponse)
    /// Frames for the socket hub to push.
    case liveConnection([LiveFrame])
}
