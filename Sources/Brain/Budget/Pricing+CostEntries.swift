import ChannelKit
extension Pricing {
    /// The ledger entry for `segments` SMS segments sent (or received) on a channel.
    public func smsCost(tenantID: String, channelID: String?, segments: Int, reference: String? = nil) -> CostEntry {
        CostEntry(tenantID: tenantID, channelID: channelID, kind: .smsSegment, quantity: Int64(max(segments, 0)),
                  unit: "segment", unitPriceNanos: smsSegmentNanos, reference: reference)
    }

    /// The ledger entry for a voice call that lasted `durationSeconds`, billed per started minute.
    public func voiceCost(tenantID: String, channelID: String?, durationSeconds: Int, reference: String? = nil) -> CostEntry {
        let minutes = Int64(max(durationSeconds, 0)) / 60 + (durationSeconds % 60 > 0 ? 1 : 0)
        return CostEntry(tenantID: tenantID, channelID: channelID, kind: .voiceMinute, quantity: minutes,
                         unit: "minute", unitPriceNanos: voiceMinuteNanos, reference: reference)
    }

    /// The ledger entry for `count` emails sent.
    public func emailCost(tenantID: String, channelID: String?, count: Int = 1, reference: String? = nil) -> CostEntry {
        CostEntry(tenantID: tenantID, channelID: channelID, kind: .email, quantity: Int64(max(count, 0)),
                  unit: "email", unitPriceNanos: emailNanos, reference: reference)
    }

    /// The ledger entry for embedding `tokens` tokens with a hosted model.
    public func embeddingCost(tenantID: String, channelID: String?, tokens: Int, reference: String? = nil) -> CostEntry {
        CostEntry(tenantID: tenantID, channelID: channelID, kind: .embedding, quantity: Int64(max(tokens, 0)),
                  unit: "token", unitPriceNanos: embeddingTokenNanos, reference: reference)
    }

    /// The ledger entry for what a provider charges for a sent request (see ``ChannelUsage``).
    public func cost(of usage: ChannelUsage, tenantID: String, channelID: String?, reference: String? = nil) -> CostEntry {
        switch usage.kind {
        case .smsSegment: smsCost(tenantID: tenantID, channelID: channelID, segments: usage.quantity, reference: reference)
        case .email: emailCost(tenantID: tenantID, channelID: channelID, count: usage.quantity, reference: reference)
        case .voiceMinute: voiceCost(tenantID: tenantID, channelID: channelID, durationSeconds: usage.quantity * 60, reference: reference)
        }
    }
}
