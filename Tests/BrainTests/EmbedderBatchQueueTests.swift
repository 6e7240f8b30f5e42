@testable import Brain
import Foundation
import Testing

/// Packing concurrent embedding requests into shared passes (MiniLMBatchQueue). Not named
/// MiniLM…: it runs with the light suites, where dispatch threads are free for its two lanes.
@Suite struct EmbedderBatchQueueTests {
    /// Records each pass's texts; a pass containing "hold" waits for `release`.
    final class Recorder: @unchecked Sendable {
        // @unchecked Sendable: `passes` is only touched under `lock`.
        private let lock = NSLock()
        private var passes: [[String]] = []
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)

        func run(_ texts: [String]) -> [[Float]] {
            lock.withLock { passes.append(texts) }
            if texts.contains("hold") {
                started.signal()
                release.wait()
            }
            return texts.map { [Float($0.count)] }
        }

        var recorded: [[String]] { lock.withLock { passes } }
    }

    @Test func requestsWaitingDuringAPassShareTheNextOne() async throws {
        let recorder = Recorder()
        let queue = MiniLMBatchQueue(textsPerPass: 4) { recorder.run($0) }
        async let held = queue.vectors(for: ["hold"])
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                recorder.started.wait()
                continuation.resume()
            }
        }
        let texts = ["a", "bb", "ccc", "dddd", "eeeee"]
        try await withThrowingTaskGroup(of: (String, [[Float]]).self) { group in
            for text in texts {
                group.addTask { (text, await queue.vectors(for: [text])) }
            }
            while queue.waitingRequests < texts.count {
                try await Task.sleep(for: .milliseconds(1))
            }
            recorder.release.signal()
            for try await (text, vectors) in group {
                #expect(vectors == [[Float(text.count)]])
            }
        }
        #expect(await held == [[4]])
        // One pass for the held request, then the five waiting ones in passes of at most four.
        #expect(recorder.recorded.map(\.count) == [1, 4, 1])
        #expect(Set(recorder.recorded.joined()) == Set(texts + ["hold"]))
    }

    @Test func aLargeRequestIsOnePass() async {
        let recorder = Recorder()
        let queue = MiniLMBatchQueue(textsPerPass: 4) { recorder.run($0) }
        let texts = (0..<10).map { String(repeating: "x", count: $0) }
        #expect(await queue.vectors(for: texts) == texts.map { [Float($0.count)] })
        #expect(await queue.vectors(for: []).isEmpty)
        #expect(recorder.recorded.map(\.count) == [10])
    }

    @Test func lanesRunPassesSideBySide() async {
        let recorder = Recorder()
        // One text a pass, so the two requests cannot share one.
        let queue = MiniLMBatchQueue(textsPerPass: 1, lanes: 2) { recorder.run($0) }
        async let first = queue.vectors(for: ["hold"])
        async let second = queue.vectors(for: ["hold"])
        // Both passes start before either is released: two lanes.
        let bothStarted = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let started = recorder.started.wait(timeout: .now() + 10) == .success && recorder.started.wait(timeout: .now() + 10) == .success
                recorder.release.signal()
                recorder.release.signal()
                continuation.resume(returning: started)
            }
        }
        #expect(bothStarted)
        #expect(await first == [[4]])
        #expect(await second == [[4]])
        #expect(recorder.recorded.map(\.count) == [1, 1])
    }
}
