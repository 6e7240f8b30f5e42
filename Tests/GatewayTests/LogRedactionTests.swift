import ChannelKitTesting
import Foundation
import Logging
import Synchronization
import Testing

@testable import Gateway

/// Collects log lines in memory (tests never bootstrap the logging system).
final class MemoryLogSink: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }

    func logger() -> Logger {
        Logger(label: "test") { label in MemoryLogHandler(sink: self) }
    }
}

struct MemoryLogHandler: LogHandler {
    let sink: MemoryLogSink
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        sink.append("\(event.level) \(event.message) \(merged)\(event.error.map { " error: \($0)" } ?? "")")
    }
}

@Suite struct LogRedactionTests {
    @Test func theSigningSecretNeverAppearsInLogs() async throws {
        let sink = MemoryLogSink()
        try await FakeProvider.withRunning(defaultReply: .status(503)) { provider in
            await provider.enqueue(.status(503))
            let path = temporaryDatabasePath()
            let configuration = try testConfiguration(callbackURL: provider.url("/replies"), maxAttempts: 2)
            try await withGateway(configuration, databasePath: path, logger: sink.logger()) { client in
                _ = try await client.postWebhook(apiMessage(id: "m-1", text: "When are you open?"))
                _ = try await client.postWebhook(apiMessage(id: "m-2", text: "hi"), signature: "sha256=00")
                let store = try await openStore(path)
                try await eventually("the reply is dead-lettered") { try await store.outboxCounts() == ["dead": 1] }
            }
        }
        let lines = sink.all
        #expect(lines.count > 5)
        #expect(lines.contains { $0.contains("hb.request.id") })
        #expect(!lines.contains { $0.contains(testSecret.value) })
    }
}
