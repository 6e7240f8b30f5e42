/// The weights of a BERT encoder, checked against its configuration. Linear layers keep
/// PyTorch's `[out, in]` layout.
struct MiniLMWeights: Sendable {
    /// One transformer layer. The query, key and value projections are stacked into one
    /// `[3·hidden, hidden]` matrix (rows: query, then key, then value) so one matrix product makes
    /// all three.
    struct Layer: Sendable {
        let queryKeyValue: LinearWeight
        let queryKeyValueBias: TensorBuffer
        let attentionOutput: LinearWeight
        let attentionOutputBias: TensorBuffer
        let attentionNormScale: TensorBuffer
        let attentionNormShift: TensorBuffer
        let intermediate: LinearWeight
        let intermediateBias: TensorBuffer
        let output: LinearWeight
        let outputBias: TensorBuffer
        let outputNormScale: TensorBuffer
        let outputNormShift: TensorBuffer
    }

    let wordEmbeddings: TensorBuffer
    let positionEmbeddings: TensorBuffer
    let tokenTypeEmbeddings: TensorBuffer
    let embeddingNormScale: TensorBuffer
    let embeddingNormShift: TensorBuffer
    let layers: [Layer]

    /// Takes the tensors of a Hugging Face `BertModel` checkpoint, with or without the `bert.`
    /// prefix that `BertFor…` checkpoints use.
    init(file: SafeTensorsFile, configuration config: MiniLMConfiguration) throws {
        let prefix = file.entries["bert.embeddings.word_embeddings.weight"] != nil ? "bert." : ""
        let hidden = config.hiddenSize
        let inner = config.intermediateSize
        func tensor(_ name: String, _ shape: [Int]) throws -> TensorBuffer {
            try file.tensor(named: prefix + name, shape: shape)
        }
        wordEmbeddings = try tensor("embeddings.word_embeddings.weight", [config.vocabularySize, hidden])
        positionEmbeddings = try tensor("embeddings.position_embeddings.weight", [config.maxPositions, hidden])
        tokenTypeEmbeddings = try tensor("embeddings.token_type_embeddings.weight", [config.tokenTypes, hidden])
        embeddingNormScale = try tensor("embeddings.LayerNorm.weight", [hidden])
        embeddingNormShift = try tensor("embeddings.LayerNorm.bias", [hidden])
        layers = try (0..<config.layers).map { index in
            let name = "encoder.layer.\(index)."
            let parts = try ["query", "key", "value"].map { part in
                (weight: try tensor(name + "attention.self.\(part).weight", [hidden, hidden]),
                 bias: try tensor(name + "attention.self.\(part).bias", [hidden]))
            }
            return Layer(
                queryKeyValue: LinearWeight(TensorBuffer(shape: [3 * hidden, hidden]) { out in
                    let size = hidden * hidden
                    for (i, part) in parts.enumerated() {
                        part.weight.withElements {
                            _ = UnsafeMutableBufferPointer(rebasing: out[(i * size)..<((i + 1) * size)]).update(fromContentsOf: $0)
                        }
                    }
                }),
                queryKeyValueBias: TensorBuffer(shape: [3 * hidden]) { out in
                    for (i, part) in parts.enumerated() {
                        part.bias.withElements {
                            _ = UnsafeMutableBufferPointer(rebasing: out[(i * hidden)..<((i + 1) * hidden)]).update(fromContentsOf: $0)
                        }
                    }
                },
                attentionOutput: LinearWeight(try tensor(name + "attention.output.dense.weight", [hidden, hidden])),
                attentionOutputBias: try tensor(name + "attention.output.dense.bias", [hidden]),
                attentionNormScale: try tensor(name + "attention.output.LayerNorm.weight", [hidden]),
                attentionNormShift: try tensor(name + "attention.output.LayerNorm.bias", [hidden]),
                intermediate: LinearWeight(try tensor(name + "intermediate.dense.weight", [inner, hidden])),
                intermediateBias: try tensor(name + "intermediate.dense.bias", [inner]),
                output: LinearWeight(try tensor(name + "output.dense.weight", [hidden, inner])),
                outputBias: try tensor(name + "output.dense.bias", [hidden]),
                outputNormScale: try tensor(name + "output.LayerNorm.weight", [hidden]),
                outputNormShift: try tensor(name + "output.LayerNorm.bias", [hidden])
            )
        }
    }
}
