/// The BERT forward pass: token ids in, one mean-pooled, L2-normalized vector per sequence out.
///
/// Sequences are packed end to end, without padding: every linear layer runs once over all the
/// tokens of a chunk (one `sgemm` of `[tokens × in] · [out × in]ᵀ`), and attention runs per
/// sequence on its own rows, so no token ever attends to another sequence or to padding.
struct MiniLMEncoder: Sendable {
    let configuration: MiniLMConfiguration
    let weights: MiniLMWeights
    /// Most tokens packed into one forward pass (unless one sequence is longer): enough rows for
    /// `sgemm` to run at full speed, and a bound on the scratch memory (15 kB a token).
    var tokensPerChunk = 1024

    /// One vector per sequence, in order. Each sequence must be non-empty, no longer than
    /// `configuration.maxSequenceLength`, and hold only ids below `configuration.vocabularySize`.
    func encode(_ sequences: [[Int32]]) -> [[Float]] {
        guard !sequences.isEmpty else { return [] }
        // Consecutive sequences up to `tokensPerChunk` tokens a chunk.
        var chunks: [Range<Int>] = []
        var start = 0
        while start < sequences.count {
            var end = start
            var tokens = 0
            while end < sequences.count, end == start || tokens + sequences[end].count <= tokensPerChunk {
                tokens += sequences[end].count
                end += 1
            }
            chunks.append(start..<end)
            start = end
        }
        let workspace = MiniLMWorkspace(
            tokens: chunks.map { sequences[$0].reduce(0) { $0 + $1.count } }.max() ?? 0,
            longestSequence: sequences.map(\.count).max() ?? 0,
            configuration: configuration)
        var vectors: [[Float]] = []
        vectors.reserveCapacity(sequences.count)
        for chunk in chunks {
            vectors += encode(sequences[chunk], in: workspace)
        }
        return vectors
    }

    /// One forward pass over sequences packed into `workspace`.
    private func encode(_ sequences: ArraySlice<[Int32]>, in workspace: MiniLMWorkspace) -> [[Float]] {
        let lengths = sequences.map(\.count)
        var offsets: [Int] = []
        offsets.reserveCapacity(lengths.count)
        var tokens = 0
        for length in lengths {
            offsets.append(tokens)
            tokens += length
        }
        embed(sequences, into: workspace.hidden)
        for layer in weights.layers {
            apply(layer, tokens: tokens, offsets: offsets, lengths: lengths, workspace: workspace)
        }
        return zip(offsets, lengths).map { offset, length in
            meanPooledUnitVector(workspace.hidden + offset * configuration.hiddenSize, rows: length)
        }
    }

    /// Word + position + token type 0 embeddings, then LayerNorm.
    private func embed(_ sequences: ArraySlice<[Int32]>, into hidden: UnsafeMutablePointer<Float>) {
        let width = configuration.hiddenSize
        let tokenType = weights.tokenTypeEmbeddings.base
        var row = hidden
        for sequence in sequences {
            for (position, id) in sequence.enumerated() {
                let word = weights.wordEmbeddings.base + Int(id) * width
                let place = weights.positionEmbeddings.base + position * width
                for j in 0..<width {
                    row[j] = word[j] + place[j] + tokenType[j]
                }
                TensorKernels.normalize(
                    row, width: width, scale: weights.embeddingNormScale.base,
                    shift: weights.embeddingNormShift.base, epsilon: configuration.layerNormEpsilon)
                row += width
            }
        }
    }

    /// One transformer layer over `tokens` packed rows, in place in `workspace.hidden`.
    private func apply(
        _ layer: MiniLMWeights.Layer, tokens: Int, offsets: [Int], lengths: [Int], workspace: MiniLMWorkspace
    ) {
        let config = configuration
        let width = config.hiddenSize
        let epsilon = config.layerNormEpsilon

        TensorKernels.broadcastRows(layer.queryKeyValueBias.base, width: 3 * width, rows: tokens, into: workspace.queryKeyValue)
        MatrixProduct.linear(workspace.hidden, rows: tokens, weight: layer.queryKeyValue, into: workspace.queryKeyValue, accumulate: true)
        if tokens <= LinearWeight.packedRowLimit {
            // A short pass (one sentence): its heads shared by two threads, as its products are.
            PairedWork.run(parts: config.attentionHeads) { head, worker in
                let scores = workspace.scores + worker * workspace.scoresCapacity
                for (offset, length) in zip(offsets, lengths) {
                    attend(offset: offset, length: length, heads: head..<(head + 1), scores: scores, workspace: workspace)
                }
            }
        } else {
            for (offset, length) in zip(offsets, lengths) {
                attend(offset: offset, length: length, heads: 0..<config.attentionHeads, scores: workspace.scores, workspace: workspace)
            }
        }
        MatrixProduct.linear(workspace.context, rows: tokens, weight: layer.attentionOutput, into: workspace.projected)
        TensorKernels.addLayerNorm(
            workspace.projected, bias: layer.attentionOutputBias.base, residual: workspace.hidden,
            rows: tokens, width: width,
            scale: layer.attentionNormScale.base, shift: layer.attentionNormShift.base, epsilon: epsilon)

        MatrixProduct.linear(workspace.hidden, rows: tokens, weight: layer.intermediate, into: workspace.inner)
        TensorKernels.addGELU(workspace.inner, bias: layer.intermediateBias.base, rows: tokens, width: config.intermediateSize)
        MatrixProduct.linear(workspace.inner, rows: tokens, weight: layer.output, into: workspace.projected)
        TensorKernels.addLayerNorm(
            workspace.projected, bias: layer.outputBias.base, residual: workspace.hidden,
            rows: tokens, width: width,
            scale: layer.outputNormScale.base, shift: layer.outputNormShift.base, epsilon: epsilon)
    }

    /// Multi-head self-attention of one sequence (rows `offset..<offset+length`) for `heads`,
    /// written side by side into `workspace.context`; `scores` holds one head's scores.
    private func attend(offset: Int, length: Int, heads: Range<Int>, scores: UnsafeMutablePointer<Float>, workspace: MiniLMWorkspace) {
        let width = configuration.hiddenSize
        let headSize = configuration.headSize
        let stride = 3 * width
        let rows = workspace.queryKeyValue + offset * stride
        let scale = 1 / Float(headSize).squareRoot()
        for head in heads {
            let query = rows + head * headSize
            let key = query + width
            let value = query + 2 * width
            MatrixProduct.multiply(
                m: length, n: length, k: headSize, alpha: scale,
                query, rowStride: stride, key, rowStride: stride, transposingB: true,
                into: scores, rowStride: length)
            TensorKernels.softmaxRows(scores, rows: length, width: length)
            MatrixProduct.multiply(
                m: length, n: headSize, k: length,
                scores, rowStride: length, value, rowStride: stride, transposingB: false,
                into: workspace.context + offset * width + head * headSize, rowStride: width)
        }
    }

    /// The mean of `rows` token rows, scaled to unit length.
    private func meanPooledUnitVector(_ hidden: UnsafePointer<Float>, rows: Int) -> [Float] {
        let width = configuration.hiddenSize
        var vector = [Float](repeating: 0, count: width)
        vector.withUnsafeMutableBufferPointer { sum in
            for row in 0..<rows {
                let values = hidden + row * width
                for j in 0..<width { sum[j] += values[j] }
            }
            var squares: Float = 0
            for j in 0..<width { squares += sum[j] * sum[j] }
            // Mean then normalize: the 1/rows factor cancels, so only the norm matters.
            let inverseNorm = 1 / max(squares.squareRoot(), 1e-12 * Float(rows))
            for j in 0..<width { sum[j] *= inverseNorm }
        }
        return vector
    }
}
