/// Scratch memory for one forward pass over a chunk of packed tokens, allocated once per call
/// and reused by every layer: nothing is allocated inside the layer loop.
final class MiniLMWorkspace: @unchecked Sendable {
    // @unchecked Sendable: a pass uses it from one thread, except a short pass's attention, whose
    // two threads read `queryKeyValue` and write disjoint parts of `scores` and `context` (their
    // own heads' columns), and return before the pass goes on.
    /// Token rows `[tokens × hidden]`: the layer's input and, after it, its output.
    let hidden: UnsafeMutablePointer<Float>
    /// `[tokens × 3·hidden]`: query, key and value of every token.
    let queryKeyValue: UnsafeMutablePointer<Float>
    /// `[tokens × hidden]`: the attention heads' outputs, side by side.
    let context: UnsafeMutablePointer<Float>
    /// `[tokens × hidden]`: a dense layer's output before the residual sum.
    let projected: UnsafeMutablePointer<Float>
    /// `[tokens × intermediate]`: the feed-forward activations.
    let inner: UnsafeMutablePointer<Float>
    /// Two `[length × length]` areas (`scoresCapacity` apart): one head's attention scores, then
    /// probabilities, for each of the two threads a short pass splits its heads over.
    let scores: UnsafeMutablePointer<Float>
    let scoresCapacity: Int

    init(tokens: Int, longestSequence: Int, configuration config: MiniLMConfiguration) {
        hidden = .allocate(capacity: tokens * config.hiddenSize)
        queryKeyValue = .allocate(capacity: tokens * 3 * config.hiddenSize)
        context = .allocate(capacity: tokens * config.hiddenSize)
        projected = .allocate(capacity: tokens * config.hiddenSize)
        inner = .allocate(capacity: tokens * config.intermediateSize)
        scoresCapacity = longestSequence * longestSequence
        scores = .allocate(capacity: 2 * scoresCapacity)
    }

    deinit {
        hidden.deallocate()
        queryKeyValue.deallocate()
        context.deallocate()
        projected.deallocate()
        inner.deallocate()
        scores.deallocate()
    }
}
