/// Names one configured channel of one tenant.
public struct ChannelRef: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The tenant (business) that owns the channel.
    public var tenantID: String
    /// The channel's id, unique across the configuration file; it appears in webhook paths.
    public var channelID: String
    /// What kind of channel it is.
    public var kind: ChannelKind

    public init(tenantID: String, channelID: String, kind: ChannelKind) {
        self.tenantID = tenantID
        self.channelID = channelID
        self.kind = kind
    }

    public var description: String { "\(tenantID)/\(channelID) (\(kind.rawValue))" }
}
