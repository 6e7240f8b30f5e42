/// What a channel can carry; the pipeline and the renderer shape replies to fit.
public struct ChannelCapabilities: Hashable, Sendable {
    /// The markup a channel's text understands.
    public enum Markup: String, Hashable, Sendable {
        case plain, markdown, html, speech
    }

    /// How replies are delivered.
    public var deliveryMode: DeliveryMode
    /// The longest text one provider message may hold, in characters; longer replies are split.
    public var maxTextLength: Int
    public var markup: Markup
    /// Whether the channel carries media attachments.
    public var supportsMedia: Bool
    /// Whether the channel can show a typing indicator while the assistant thinks.
    public var supportsTypingIndicator: Bool
    /// Whether quick replies become buttons (otherwise they are appended as text).
    public var supportsQuickReplies: Bool
    /// How long after the customer's last message a free-form reply is allowed (WhatsApp: 24 h);
    /// nil when there is no such window.
    public var replyWindow: Duration?

    public init(
        deliveryMode: DeliveryMode,
        maxTextLength: Int,
        markup: Markup = .plain,
        supportsMedia: Bool = false,
        supportsTypingIndicator: Bool = false,
        supportsQuickReplies: Bool = false,
        replyWindow: Duration? = nil
    ) {
        self.deliveryMode = deliveryMode
        self.maxTextLength = maxTextLength
        self.markup = markup
        self.supportsMedia = supportsMedia
        self.supportsTypingIndicator = supportsTypingIndicator
        self.supportsQuickReplies = supportsQuickReplies
        self.replyWindow = replyWindow
    }
}
