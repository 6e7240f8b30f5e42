/// When a `TieredVectorIndex` wants a graph, and how to build it.
public struct VectorIndexPolicy: Sendable, Hashable {
    /// From this many vectors a graph is worth its build: an exact scan of 20k 384-d vectors
    /// takes a few milliseconds, the graph a fraction of one.
    public var graphThreshold: Int
    /// A graph whose deleted nodes exceed this fraction of its nodes wants a rebuild.
    public var maxDeletedFraction: Double
    /// The parameters graphs are built with.
    public var graph: HNSWParameters

    public init(graphThreshold: Int = 20_000, maxDeletedFraction: Double = 0.25, graph: HNSWParameters = HNSWParameters()) {
        self.graphThreshold = graphThreshold
        self.maxDeletedFraction = maxDeletedFraction
        self.graph = graph
    }
}
