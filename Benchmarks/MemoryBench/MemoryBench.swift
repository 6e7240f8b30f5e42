import Brain
import Foundation
import Logging

/// How long the semantic memory takes to come back at start-up: `SemanticMemory.load()` on a
/// real SQLite file holding N stored message vectors.
///
///     swift run -c release MemoryBench [--sizes 10000,100000,1000000] [--runs 3]
///         [--per-customer 100] [--directory /tmp/memory-bench] [--cold] [--float32]
///
/// For each size it writes (once; later runs reuse the file) a database with the gateway's own
/// schema: one tenant holding N messages, `per-customer` messages per customer, each with a
/// 384-d unit vector, plus a second tenant of 1000 messages. Vectors are stored as float16, as
/// the gateway stores them; `--float32` writes them as releases before float16 did (the load
/// converts them). Then, `runs` times, it opens the
/// store afresh and times `load()`. Warm (the default), the file is in the page cache: the
/// figure is the CPU cost of reading and indexing. `--cold` first evicts the file from the page
/// cache (posix_fadvise DONTNEED), as after a reboot: the disk's time counts. It reports the median and
/// range, vectors per second, the resident memory the memory added (first run), and one recall
/// among a customer's messages afterwards.
@main
struct MemoryBench {
    static func main() async throws {
        let options = try Options(CommandLine.arguments.dropFirst())
        var logger = Logger(label: "memory-bench")
        logger.logLevel = .warning
        print("MemoryBench: 384-d vectors, \(options.perCustomer) messages per customer, \(options.runs) load(s) per size, "
            + "\(options.cold ? "cold (file evicted from the page cache before each load)" : "warm page cache"), "
            + "\(options.float32 ? "float32" : "float16") blobs, files in \(options.directory)")
        print("| vectors | file MB | load s (median) | range s | vectors/s | RSS added MB | recall ms |")
        print("|---|---|---|---|---|---|---|")
        for size in options.sizes {
            let path = "\(options.directory)/memory-\(size)-\(options.float32 ? "f32" : "f16").sqlite"
            try await BenchDatabase.prepare(path: path, size: size, perCustomer: options.perCustomer, float32: options.float32, logger: logger)
            try await run(size: size, path: path, options: options, logger: logger)
        }
    }

    static func run(size: Int, path: String, options: Options, logger: Logger) async throws {
        let clock = ContinuousClock()
        var times: [Double] = []
        var added = 0.0
        var recall = 0.0
        for run in 0 ..< options.runs {
            if options.cold { evictFromPageCache(path) }
            let store = try await SQLiteStore.open(path: path, logger: logger)
            let memory = SemanticMemory(store: store, embedder: BenchEmbedder(), logger: logger)
            let before = residentMegabytes()
            let start = clock.now
            let loaded = try await memory.load()
            times.append(seconds(clock.now - start))
            guard loaded == size + BenchDatabase.otherTenantSize else {
                throw BenchError(description: "loaded \(loaded) vectors, expected \(size + BenchDatabase.otherTenantSize)")
            }
            if run == 0 {
                added = residentMegabytes() - before
                let customer = CustomerRecord(id: BenchDatabase.customerID(0), tenantID: BenchDatabase.tenantID, createdAt: Date())
                let recallStart = clock.now
                let found = try await memory.memories(for: "anything", customer: customer, excluding: [], limit: 3)
                recall = seconds(clock.now - recallStart) * 1000
                guard found.count == 3 else { throw BenchError(description: "recall found \(found.count) memories") }
            }
        }
        times.sort()
        let median = times[times.count / 2]
        let fileMB = Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1_048_576
        print(String(format: "| %d | %.0f | %.3f | %.3f–%.3f | %.0f | %.0f | %.2f |",
                     size, fileMB, median, times.first!, times.last!, Double(size) / median, added, recall))
    }

    /// Drops the file's clean pages from the page cache (no privileges needed).
    static func evictFromPageCache(_ path: String) {
        for file in [path, path + "-wal"] {
            let descriptor = open(file, O_RDONLY)
            guard descriptor >= 0 else { continue }
            _ = posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_DONTNEED))
            close(descriptor)
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// The process's resident set from /proc (0 where there is none).
    static func residentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes / 1024
    }
}

/// Stands in for the model whose vectors the file holds: `load()` needs only its identifier and
/// dimension; the one recall query gets a fixed unit vector.
struct BenchEmbedder: Embedder {
    var identifier: String { BenchDatabase.embedderID }
    var dimension: Int { BenchDatabase.dimension }

    func embed(_ texts: [String]) async throws -> [[Float]] {
        texts.map { _ in [1] + [Float](repeating: 0, count: dimension - 1) }
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
}

struct Options {
    var sizes = [10_000, 100_000, 1_000_000]
    var runs = 3
    var perCustomer = 100
    var directory = "/tmp/memory-bench"
    var cold = false
    var float32 = false

    init(_ arguments: ArraySlice<String>) throws {
        var arguments = arguments
        while let flag = arguments.popFirst() {
            if flag == "--cold" || flag == "--float32" {
                if flag == "--cold" { cold = true } else { float32 = true }
                continue
            }
            guard let value = arguments.popFirst() else { throw BenchError(description: "\(flag) needs a value") }
            switch flag {
            case "--sizes": sizes = value.split(separator: ",").compactMap { Int($0) }
            case "--runs": runs = Int(value) ?? runs
            case "--per-customer": perCustomer = Int(value) ?? perCustomer
            case "--directory": directory = value
            default: throw BenchError(description: "unknown option \(flag)")
            }
        }
    }
}
