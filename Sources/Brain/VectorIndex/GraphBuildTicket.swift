/// A graph build in progress for a `TieredVectorIndex`: the vectors to build from, and the
/// generation that `installGraph(_:for:)` checks.
public struct GraphBuildTicket: Sendable {
    /// Which `beginGraphBuild()` this is.
    public let generation: Int
    /// The index's live vectors when the build began (for an exact backend a copy-on-write
    /// share; for a graph backend a full copy).
    public let snapshot: ExactVectorIndex
    /// The parameters to build with (the index's policy).
    public let parameters: HNSWParameters
}
