import Foundation
import Synchronization
import Testing

@testable import Brain

/// The spinning partner thread that shares a short pass's steps: every part of every job runs
/// exactly once, whoever runs it, under contention and after the partner parked; a worker index
/// is never in use twice at once (it picks scratch memory); worker 0 is the calling thread.
/// (Named MiniLM… so scripts/test runs it with the heavy suites: it keeps threads spinning.)
@Suite struct MiniLMPairedWorkTests {
    /// How often each part of each job ran, and whether a worker index was ever used twice at once.
    final class Tally: Sendable {
        let parts: Int
        let counts: Mutex<[Int]>
        let busyWorkers = Mutex<Set<Int>>([])
        let overlapped = Mutex(false)
        init(jobs: Int, parts: Int) {
            self.parts = parts
            counts = Mutex([Int](repeating: 0, count: jobs * parts))
        }
        func ran(job: Int, part: Int, worker: Int, work: () -> Void = {}) {
            let clash = busyWorkers.withLock { !$0.insert(worker).inserted }
            if clash { overlapped.withLock { $0 = true } }
            work()
            if !clash { busyWorkers.withLock { _ = $0.remove(worker) } }
            counts.withLock { $0[job * parts + part] += 1 }
        }
        var exactlyOnce: Bool { counts.withLock { $0.allSatisfy { $0 == 1 } } }
        var total: Int { counts.withLock { $0.reduce(0, +) } }
    }

    @Test func everyPartRunsExactlyOnceFromFourThreadsAtOnce() {
        let jobsPerThread = 1000
        let parts = 7
        let tallies = (0..<4).map { _ in Tally(jobs: jobsPerThread, parts: parts) }
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            for job in 0..<jobsPerThread {
                PairedWork.run(parts: parts) { part, worker in
                    tallies[thread].ran(job: job, part: part, worker: worker)
                }
            }
        }
        let everyPartOnce = tallies.allSatisfy { $0.exactlyOnce }
        let overlapped = tallies.contains { tally in tally.overlapped.withLock { $0 } }
        #expect(everyPartOnce)
        #expect(!overlapped, "a worker index ran two parts at once")
    }

    @Test func bothThreadsTakePartsAndAfterThePartnerParked() {
        // Each part waits (bounded) for the other to have run: they meet when the partner takes
        // one, and either way the call returns with both done.
        let caller = UInt(pthread_self())
        var partnerHelped = false
        for round in 0..<20 {
            let tally = Tally(jobs: 1, parts: 2)
            let threads = Mutex<[Int: UInt]>([:])
            PairedWork.run(parts: 2) { part, worker in
                threads.withLock { $0[worker] = UInt(pthread_self()) }
                tally.ran(job: 0, part: part, worker: worker)
                let deadline = ContinuousClock.now + .milliseconds(20)
                while tally.total < 2, ContinuousClock.now < deadline {}
            }
            #expect(tally.exactlyOnce, "round \(round)")
            let ranOn = threads.withLock { $0 }
            #expect(ranOn[0].map { $0 == caller } ?? true, "worker 0 is the calling thread")
            if let partner = ranOn[1] {
                #expect(partner != caller)
                partnerHelped = true
            }
            if round % 5 == 4 { usleep(2000) }  // longer than the partner spins: it parks
        }
        #expect(partnerHelped, "the partner thread took a part at least once")
    }
}
