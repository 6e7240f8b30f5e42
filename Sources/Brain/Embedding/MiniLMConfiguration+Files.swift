import Foundation

extension MiniLMConfiguration {
    /// Reads a sentence-transformers model directory.
    ///
    /// Keys read:
    /// - `config.json` (required): `vocab_size`, `hidden_size`, `num_attention_heads`,
    ///   `num_hidden_layers`, `intermediate_size`, `max_position_embeddings`, `type_vocab_size`,
    ///   `layer_norm_eps`; `hidden_act` must be `"gelu"` (the exact erf form), `model_type`
    ///   `"bert"` and `position_embedding_type`, when present, `"absolute"`.
    /// - `sentence_bert_config.json` (optional): `max_seq_length` (default 256).
    /// - `1_Pooling/config.json` (optional): `pooling_mode_mean_tokens` must be true and the other
    ///   `pooling_mode_*` flags false.
    init(modelDirectory: URL) throws {
        self.init()
        let configFile = modelDirectory.appendingPathComponent("config.json")
        let config = try Self.readObject(configFile, required: true) ?? [:]
        func integer(_ key: String) throws -> Int {
            guard let value = config[key] as? Int, value > 0 else {
                throw MiniLMError.badConfiguration(file: configFile.path, reason: "\(key) is missing or not a positive integer")
            }
            return value
        }
        vocabularySize = try integer("vocab_size")
        hiddenSize = try integer("hidden_size")
        attentionHeads = try integer("num_attention_heads")
        layers = try integer("num_hidden_layers")
        intermediateSize = try integer("intermediate_size")
        maxPositions = try integer("max_position_embeddings")
        tokenTypes = try integer("type_vocab_size")
        if let epsilon = config["layer_norm_eps"] as? Double {
            layerNormEpsilon = Float(epsilon)
        }
        guard hiddenSize % attentionHeads == 0 else {
            throw MiniLMError.badConfiguration(
                file: configFile.path, reason: "hidden_size \(hiddenSize) is not a multiple of num_attention_heads \(attentionHeads)")
        }
        if let activation = config["hidden_act"] as? String, activation != "gelu" {
            throw MiniLMError.unsupported(file: configFile.path, reason: "hidden_act \(activation) (only gelu)")
        }
        if let type = config["model_type"] as? String, type != "bert" {
            throw MiniLMError.unsupported(file: configFile.path, reason: "model_type \(type) (only bert)")
        }
        if let positions = config["position_embedding_type"] as? String, positions != "absolute" {
            throw MiniLMError.unsupported(file: configFile.path, reason: "position_embedding_type \(positions)")
        }

        let sentenceFile = modelDirectory.appendingPathComponent("sentence_bert_config.json")
        if let sentence = try Self.readObject(sentenceFile, required: false),
           let length = sentence["max_seq_length"] as? Int {
            maxSequenceLength = length
        }
        maxSequenceLength = min(maxSequenceLength, maxPositions)

        let poolingFile = modelDirectory.appendingPathComponent("1_Pooling/config.json")
        if let pooling = try Self.readObject(poolingFile, required: false) {
            let modes = pooling.filter { $0.key.hasPrefix("pooling_mode_") && ($0.value as? Bool) == true }.map(\.key)
            guard modes == ["pooling_mode_mean_tokens"] else {
                throw MiniLMError.unsupported(file: poolingFile.path, reason: "pooling \(modes.sorted()) (only mean tokens)")
            }
        }
    }

    private static func readObject(_ file: URL, required: Bool) throws -> [String: Any]? {
        guard FileManager.default.fileExists(atPath: file.path) else {
            if required { throw MiniLMError.fileMissing(path: file.path) }
            return nil
        }
        let data = try Data(contentsOf: file)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw MiniLMError.badConfiguration(file: file.path, reason: "not a JSON object")
        }
        return object
    }
}
