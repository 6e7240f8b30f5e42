import Foundation

/// One entry of a live-connection conversation (web chat) with its per-visitor sequence number.
/// The entry's text is the channel's own encoding; the store keeps it as it came.
public struct LiveEntry: Hashable, Sendable {
    public var seq: Int
    public var entry: String
    public var createdAt: Date

    public init(seq: Int, entry: String, createdAt: Date) {
        self.seq = seq
        self.entry = entry
        self.createdAt = createdAt
    }
}

/// A visitor of a live-connection channel, as the store knows them.
public struct LiveVisitor: Hashable, Sendable {
    public var visitorID: String
    public var name: String?
    public var email: String?
    public var phone: String?
    /// The highest sequence number of their conversation (0 when empty).
    public var lastSeq: Int
    /// Whether this call created the visitor.
    public var isNew: Bool
}
