import Brain
import ChannelKit
import Foundation
import Logging

/// The pipeline's own overhead per message on the knowledge-base path (no LLM): identify,
/// guards, remember, answer from the knowledge base, and the commit, on a real SQLite file.
///
///     swift run -c release PipelineBench [messages] [runs]
///
/// Each run uses a fresh database and `messages` messages from `messages / 5` customers, each
/// asking five different questions from a 20-entry knowledge base (so no guard blocks them).
/// Prints each run's median and p90 latency of `ConversationPipeline.process` and the
/// sequential throughput, then the median over the runs.
@main
struct PipelineBench {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst().compactMap(Int.init)
        let messages = arguments.first ?? 5000
        let runs = arguments.dropFirst().first ?? 3
        var medians: [Double] = []
        var throughputs: [Double] = []
        for run in 1...runs {
            let result = try await runOnce(messages: messages)
            medians.append(result.medianMicroseconds)
            throughputs.append(result.perSecond)
            print(String(format: "run %d: %d messages, median %.0f µs, p90 %.0f µs, %.0f messages/s (process only), accept %.0f µs median",
                         run, messages, result.medianMicroseconds, result.p90Microseconds, result.perSecond, result.acceptMedianMicroseconds))
        }
        print(String(format: "median of %d runs: %.0f µs per message, %.0f messages/s", runs, median(medians), median(throughputs)))
    }

    struct Result {
        var medianMicroseconds: Double
        var p90Microseconds: Double
        var perSecond: Double
        var acceptMedianMicroseconds: Double
    }

    static func runOnce(messages: Int) async throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let logger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
        let store = try await SQLiteStore.open(path: directory.appendingPathComponent("bench.sqlite").path, logger: logger)
        let topics = ["opening hours", "gluten free bread", "birthday cakes", "parking", "delivery area", "vegan pastries",
                      "wedding cakes", "gift cards", "catering", "allergens", "sourdough", "croissants", "coffee",
                      "holiday hours", "prices", "custom orders", "nut free", "kids party", "jobs", "wholesale"]
        let knowledge = topics.enumerated().map { index, topic in
            KnowledgeEntry(id: "kb\(index)", question: "Tell me about your \(topic)", answer: "Here is what we offer for \(topic).", keywords: [topic])
        }
        let tenant = TenantProfile(id: "bench", name: "Bench Bakery", knowledgeBase: knowledge)
        let tenants = TenantDirectory([tenant])
        let pipeline = ConversationPipeline(store: store, tenants: tenants, logger: logger)
        let channel = ChannelRef(tenantID: "bench", channelID: "bench-api", kind: .api)

        var processTimes: [Double] = []
        var acceptTimes: [Double] = []
        processTimes.reserveCapacity(messages)
        let clock = ContinuousClock()
        let total = clock.now
        var processTotal = Duration.zero
        for index in 0..<messages {
            let customer = index / 5
            let topic = topics[(customer + index % 5 * 4) % topics.count]
            let message = InboundMessage(
                providerMessageID: "m\(index)", sender: Participant(channelUserID: "customer-\(customer)"),
                threadKey: "customer-\(customer)", text: "Hi! Can you tell me about your \(topic)?", timestamp: Date()
            )
            let acceptStart = clock.now
            let accepted = try await store.acceptInbound([message], on: channel, requestID: nil)
            acceptTimes.append(microseconds(clock.now - acceptStart))
            guard case .accepted(let id)? = accepted.first else { continue }
            let item = InboxItem(id: id, channel: channel, message: message, attempts: 1, requestID: nil)
            let start = clock.now
            let outcome = try await pipeline.process(item, logger: logger)
            let elapsed = clock.now - start
            processTotal += elapsed
            processTimes.append(microseconds(elapsed))
            guard case .replied = outcome else {
                throw BenchError(description: "message \(index) was not answered from the knowledge base: \(outcome)")
            }
        }
        _ = clock.now - total
        processTimes.sort()
        return Result(
            medianMicroseconds: median(processTimes),
            p90Microseconds: processTimes[Int(Double(processTimes.count - 1) * 0.9)],
            perSecond: Double(messages) / seconds(processTotal),
            acceptMedianMicroseconds: median(acceptTimes)
        )
    }

    struct BenchError: Error, CustomStringConvertible {
        var description: String
    }

    static func microseconds(_ duration: Duration) -> Double { seconds(duration) * 1_000_000 }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 0 ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}
