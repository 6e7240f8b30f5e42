/// The shape of a BERT encoder such as all-MiniLM-L6-v2 (the defaults), and how its sentence
/// vectors are made: mean pooling over the tokens, then L2 normalization.
struct MiniLMConfiguration: Sendable, Equatable {
    var vocabularySize = 30522
    var hiddenSize = 384
    var attentionHeads = 12
    var layers = 6
    var intermediateSize = 1536
    var maxPositions = 512
    var tokenTypes = 2
    var layerNormEpsilon: Float = 1e-12
    /// The longest input in tokens, [CLS] and [SEP] included; longer inputs are truncated.
    var maxSequenceLength = 256

    /// Width of one attention head.
    var headSize: Int { hiddenSize / attentionHeads }
}
