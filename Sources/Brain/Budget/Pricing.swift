/// Gateway-wide prices of what channels cost to use, in units of each tenant's currency.
///
/// Read from the configuration's top-level `pricing` object; the defaults are typical list prices
/// in USD. Language models carry their own prices (``LLMModel``).
public struct Pricing: Sendable, Hashable {
    /// One SMS segment sent or received (default 0.0079).
    public var smsSegment: Double
    /// One started minute of a voice call (default 0.014).
    public var voiceMinute: Double
    /// One email sent (default 0.0001).
    public var email: Double
    /// One million embedding tokens (default 0.02). Configuration key `embeddingPerMillionTokens`.
    public var embeddingPerMillion: Double

    public init(smsSegment: Double = 0.0079, voiceMinute: Double = 0.014, email: Double = 0.0001, embeddingPerMillion: Double = 0.02) {
        self.smsSegment = smsSegment
        self.voiceMinute = voiceMinute
        self.email = email
        self.embeddingPerMillion = embeddingPerMillion
    }

    /// The price of one SMS segment in nano-units (7 900 000 by default).
    public var smsSegmentNanos: Int64 { Nanos.fromCurrency(smsSegment) }

    /// The price of one voice minute in nano-units (14 000 000 by default).
    public var voiceMinuteNanos: Int64 { Nanos.fromCurrency(voiceMinute) }

    /// The price of one email in nano-units (100 000 by default).
    public var emailNanos: Int64 { Nanos.fromCurrency(email) }

    /// The price of one embedding token in nano-units (20 by default).
    public var embeddingTokenNanos: Int64 { Nanos.perToken(pricePerMillion: embeddingPerMillion) }
}
