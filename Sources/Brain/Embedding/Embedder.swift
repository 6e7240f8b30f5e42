/// Turns texts into vectors whose cosine similarity says how close their meanings are.
///
/// Implementations: the native MiniLM model (the embedded default), an OpenAI-compatible
/// `/v1/embeddings` client, and a lexical hashing embedder used only when no model is installed.
/// Vectors are L2-normalized, so a dot product is their cosine.
public protocol Embedder: Sendable {
    /// A stable name for the model and its settings (`"all-MiniLM-L6-v2"`): vectors made by
    /// different embedders are never compared, and caches are keyed by it.
    var identifier: String { get }
    /// The length of every vector it returns.
    var dimension: Int { get }
    /// Embeds a batch of texts, one normalized vector per text, in order. CPU-heavy
    /// implementations run off the caller's thread and are safe to call concurrently.
    func embed(_ texts: [String]) async throws -> [[Float]]
    /// Whether `word` is a common word to the model: one unit of its vocabulary. Nil when the
    /// embedder cannot tell (the default).
    func knowsWord(_ word: String) -> Bool?
}

extension Embedder {
    public func knowsWord(_ word: String) -> Bool? { nil }
}
