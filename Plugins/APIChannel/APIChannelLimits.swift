/// The bounds the API channel's wire format sets on what an integrator sends.
///
/// They are part of the published format (docs/API_CHANNEL.md): a payload outside them is refused
/// with a 4xx answer that names the field, never truncated silently.
public enum APIChannelLimits {
    /// The most events one batch (a JSON array body) may carry.
    public static let maxBatchSize = 100
    /// The longest message id (`id`, `messageId`), in characters.
    public static let maxMessageIDLength = 256
    /// The longest inbound message text, in characters.
    public static let maxInboundTextLength = 32_000
    /// How deeply arrays and objects may nest in a body; deeper bodies are refused before decoding.
    public static let maxNestingDepth = 32
    /// The latest timestamp accepted, in Unix seconds (9999-12-31T23:59:59Z).
    public static let maxTimestamp: Double = 253_402_300_799
}
