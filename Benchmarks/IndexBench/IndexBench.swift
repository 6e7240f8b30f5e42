import Brain
import Foundation

/// Build time, query latency, recall and memory of the vector indexes on synthetic embeddings.
///
///     swift run -c release IndexBench [--sizes 10000,100000] [--data random,clustered]
///         [--ef 16,32,64,128,256] [--threads 2] [--m 16] [--ef-construction 128]
///         [--queries 1000] [--k 10] [--dimension 384] [--clusters 1000] [--noise 0.7]
///
/// For each size and data set: N unit vectors and `queries` fresh query vectors from the same
/// distribution (random: uniform on the sphere; clustered: `clusters` random centres plus
/// Gaussian noise of total length `noise`, normalized, like sentence embeddings that fall into
/// topics). The exact scan answers every query (timed, and the ground truth); the graph is built
/// on `threads` threads and queried at each efSearch; recall@k is the fraction of the exact
/// top k that the graph returned. Also times a search among 500 candidate ids (one customer's
/// messages). Latencies are per query on one thread.
@main
struct IndexBench {
    static func main() throws {
        let options = try Options(CommandLine.arguments.dropFirst())
        print("IndexBench: dimension \(options.dimension), k \(options.k), \(options.queries) queries, "
            + "M \(options.m), efConstruction \(options.efConstruction), \(options.threads) build thread(s)")
        print("| data | N | index | build s | p50 ms | p99 ms | recall@\(options.k) | index MB | RSS MB |")
        print("|---|---|---|---|---|---|---|---|---|")
        for size in options.sizes {
            for data in options.data {
                try run(size: size, data: data, options: options)
            }
        }
    }

    static func run(size: Int, data: DataKind, options: Options) throws {
        let clock = ContinuousClock()
        var generator = SeededGenerator(seed: 0xBE4C_0000 &+ UInt64(size))
        let source = VectorSource(kind: data, dimension: options.dimension, clusters: options.clusters,
                                  noise: options.noise, generator: &generator)
        var exact = ExactVectorIndex(dimension: options.dimension)
        exact.reserveCapacity(size)
        var vector = [Float](repeating: 0, count: options.dimension)
        let fillStart = clock.now
        for id in 0 ..< size {
            source.next(into: &vector, using: &generator)
            try exact.add(id: Int64(id), vector: vector)
        }
        let fill = seconds(clock.now - fillStart)
        let queries = (0 ..< options.queries).map { _ in
            source.next(into: &vector, using: &generator)
            return vector
        }
        let label = "\(data)"

        // Exact: latency and ground truth.
        var truth: [[Int64]] = []
        var exactTimes: [Double] = []
        for query in queries {
            let start = clock.now
            let found = try exact.search(query: query, k: options.k)
            exactTimes.append(milliseconds(clock.now - start))
            truth.append(found.map(\.id))
        }
        row(label, size, "exact", fill, exactTimes, recall: 1, bytes: exact.footprint.totalBytes)

        // Among 500 candidates (exact, whatever the index).
        let candidates = (0 ..< 500).map { _ in Int64.random(in: 0 ..< Int64(size), using: &generator) }
        let amongTimes = try queries.map { query in
            let start = clock.now
            _ = try exact.search(query: query, k: options.k, among: candidates)
            return milliseconds(clock.now - start)
        }
        row(label, size, "exact, among 500 ids", nil, amongTimes, recall: 1, bytes: nil)

        // Graph.
        let parameters = HNSWParameters(m: options.m, efConstruction: options.efConstruction)
        let buildStart = clock.now
        let graph = HNSWVectorIndex.build(from: exact, parameters: parameters, threads: options.threads)
        let build = seconds(clock.now - buildStart)
        let footprint = graph.footprint
        for ef in options.ef {
            var found: [[Int64]] = []
            var times: [Double] = []
            for query in queries {
                let start = clock.now
                let hits = try graph.search(query: query, k: options.k, filter: nil, efSearch: ef)
                times.append(milliseconds(clock.now - start))
                found.append(hits.map(\.id))
            }
            row(label, size, "hnsw ef=\(ef)", build, times, recall: recall(found, truth), bytes: footprint.totalBytes)
        }
        // A filter passing 1 id in 2 (say, "not this conversation") on the graph.
        let filterTimes = try queries.map { query in
            let start = clock.now
            _ = try graph.search(query: query, k: options.k, filter: { $0 & 1 == 0 }, efSearch: options.ef.last ?? 64)
            return milliseconds(clock.now - start)
        }
        row(label, size, "hnsw ef=\(options.ef.last ?? 64), filter 1/2", nil, filterTimes, recall: nil, bytes: nil)
        let mb = Double(1 << 20)
        print(String(format: "  %@ %d: graph %.0f MB vectors + %.0f MB links + %.0f MB ids/table; exact fill %.2f s; RSS %.0f MB, peak %.0f MB",
                     label, size, Double(footprint.vectorBytes) / mb, Double(footprint.graphBytes) / mb,
                     Double(footprint.bookkeepingBytes) / mb, fill, residentMegabytes("VmRSS"), residentMegabytes("VmHWM")))
    }

    static func row(_ data: String, _ size: Int, _ index: String, _ build: Double?, _ times: [Double], recall: Double?, bytes: Int?) {
        let sorted = times.sorted()
        let p50 = sorted[sorted.count / 2]
        let p99 = sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
        let buildText = build.map { String(format: "%.1f", $0) } ?? ""
        let recallText = recall.map { String(format: "%.4f", $0) } ?? ""
        let bytesText = bytes.map { String(format: "%.0f", Double($0) / Double(1 << 20)) } ?? ""
        print(String(format: "| %@ | %d | %@ | %@ | %.3f | %.3f | %@ | %@ | %.0f |",
                     data, size, index, buildText, p50, p99, recallText, bytesText, residentMegabytes("VmRSS")))
    }

    static func recall(_ found: [[Int64]], _ truth: [[Int64]]) -> Double {
        var hits = 0
        var total = 0
        for (result, expected) in zip(found, truth) {
            hits += Set(result).intersection(expected).count
            total += expected.count
        }
        return Double(hits) / Double(max(total, 1))
    }

    /// A field of /proc/self/status in MB (0 where there is none).
    static func residentMegabytes(_ field: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kilobytes / 1024
        }
        return 0
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func milliseconds(_ duration: Duration) -> Double {
        seconds(duration) * 1000
    }
}

enum DataKind: String, CustomStringConvertible {
    case random
    case clustered

    var description: String { rawValue }
}

/// Draws unit vectors of one kind.
struct VectorSource {
    let kind: DataKind
    let dimension: Int
    let centres: [[Float]]
    let noise: Float

    init(kind: DataKind, dimension: Int, clusters: Int, noise: Float, generator: inout SeededGenerator) {
        self.kind = kind
        self.dimension = dimension
        self.noise = noise
        var centres: [[Float]] = []
        if kind == .clustered {
            var centre = [Float](repeating: 0, count: dimension)
            for _ in 0 ..< clusters {
                generator.fillGaussian(&centre)
                VectorSource.normalize(&centre)
                centres.append(centre)
            }
        }
        self.centres = centres
    }

    func next(into vector: inout [Float], using generator: inout SeededGenerator) {
        generator.fillGaussian(&vector)
        if kind == .clustered {
            let centre = centres[Int(generator.next() % UInt64(centres.count))]
            let scale = noise / Float(dimension).squareRoot()
            for index in 0 ..< dimension {
                vector[index] = centre[index] + scale * vector[index]
            }
        }
        VectorSource.normalize(&vector)
    }

    static func normalize(_ vector: inout [Float]) {
        var sum: Float = 0
        for component in vector { sum += component * component }
        let scale = 1 / sum.squareRoot()
        for index in vector.indices { vector[index] *= scale }
    }
}

/// Gaussian draws (Box–Muller) from the index's own seeded SplitMix64, so every run sees the
/// same data.
extension SeededGenerator {
    mutating func fillGaussian(_ vector: inout [Float]) {
        var index = 0
        while index < vector.count {
            let u1 = 1 - Double(next() >> 11) * 0x1p-53
            let u2 = Double(next() >> 11) * 0x1p-53
            let radius = (-2 * log(u1)).squareRoot()
            vector[index] = Float(radius * cos(2 * .pi * u2))
            if index + 1 < vector.count { vector[index + 1] = Float(radius * sin(2 * .pi * u2)) }
            index += 2
        }
    }
}

struct Options {
    var sizes = [10_000, 100_000]
    var data: [DataKind] = [.random, .clustered]
    var ef = [16, 32, 64, 128, 256]
    var threads = 2
    var m = 16
    var efConstruction = 128
    var queries = 1000
    var k = 10
    var dimension = 384
    var clusters = 1000
    var noise: Float = 0.7

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    init(_ arguments: ArraySlice<String>) throws {
        var arguments = arguments
        while let flag = arguments.popFirst() {
            guard let value = arguments.popFirst() else { throw UsageError(description: "\(flag) needs a value") }
            let integers = value.split(separator: ",").compactMap { Int($0) }
            switch flag {
            case "--sizes": sizes = integers
            case "--data": data = value.split(separator: ",").compactMap { DataKind(rawValue: String($0)) }
            case "--ef": ef = integers
            case "--threads": threads = integers.first ?? threads
            case "--m": m = integers.first ?? m
            case "--ef-construction": efConstruction = integers.first ?? efConstruction
            case "--queries": queries = integers.first ?? queries
            case "--k": k = integers.first ?? k
            case "--dimension": dimension = integers.first ?? dimension
            case "--clusters": clusters = integers.first ?? clusters
            case "--noise": noise = Float(value) ?? noise
            default: throw UsageError(description: "unknown option \(flag)")
            }
        }
    }
}
