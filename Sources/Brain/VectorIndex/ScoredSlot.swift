/// A storage slot of an index with its score against a query (a dot product: higher is closer).
struct ScoredSlot: Hashable, Sendable {
    var score: Float
    var slot: Int32
}
