import CMiniLMKernels

/// The steps of a short forward pass split into parts, run on the calling thread and on the
/// kernels' partner thread (Sources/CMiniLMKernels/pair.c), which spins between the ~30 steps of
/// one sentence instead of being woken for each (a wake-up costs tens of microseconds on a VM).
enum PairedWork {
    /// Calls `body(part, worker)` once for every part in `0..<parts` and returns when all are
    /// done: this thread (worker 0) and the partner (worker 1) take parts as they finish the
    /// last, so neither waits for the other beyond one part. When another pass holds the
    /// partner (both cores are busy then), runs them all here. `body` must be safe to call from
    /// two threads at once; `worker` picks per-thread scratch memory.
    static func run(parts: Int, _ body: (_ part: Int, _ worker: Int) -> Void) {
        withoutActuallyEscaping(body) { body in
            var body = body
            let ran = withUnsafeMutablePointer(to: &body) { pointer in
                minilm_pair_run({ context, part, worker in
                    context.unsafelyUnwrapped.assumingMemoryBound(to: ((Int, Int) -> Void).self).pointee(Int(part), Int(worker))
                }, pointer, Int32(parts))
            }
            if ran == 0 {
                for part in 0..<parts { body(part, 0) }
            }
        }
    }
}
