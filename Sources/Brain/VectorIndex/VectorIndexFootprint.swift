/// The memory an index holds, in bytes (allocated capacity, not just what is in use).
public struct VectorIndexFootprint: Hashable, Sendable {
    /// The float vectors.
    public var vectorBytes: Int
    /// Link lists and levels (zero for an exact index).
    public var graphBytes: Int
    /// Ids, the id → slot table (estimated) and deleted flags.
    public var bookkeepingBytes: Int

    public init(vectorBytes: Int, graphBytes: Int, bookkeepingBytes: Int) {
        self.vectorBytes = vectorBytes
        self.graphBytes = graphBytes
        self.bookkeepingBytes = bookkeepingBytes
    }

    public var totalBytes: Int { vectorBytes + graphBytes + bookkeepingBytes }
}
