import Synchronization
import Testing

@testable import Brain

/// A clock a test moves by hand.
final class BreakerTestClock: Sendable {
    private let instant = Mutex(ContinuousClock.now)

    var now: ContinuousClock.Instant { instant.withLock { $0 } }

    func advance(by duration: Duration) {
        instant.withLock { $0 += duration }
    }
}

@Suite struct LLMCircuitBreakerTests {
    let clock = BreakerTestClock()

    func breaker() -> CircuitBreaker {
        let clock = self.clock
        return CircuitBreaker(failureThreshold: 3, cooldown: .seconds(30), now: { clock.now })
    }

    @Test func opensAfterTheThresholdOfConsecutiveFailures() {
        let breaker = breaker()
        breaker.recordFailure()
        breaker.recordFailure()
        #expect(breaker.currentState == .closed)
        #expect(breaker.acquire())
        breaker.recordFailure()
        #expect(breaker.currentState == .open)
        #expect(!breaker.isAvailable)
        #expect(!breaker.acquire())
    }

    @Test func aSuccessResetsTheCount() {
        let breaker = breaker()
        breaker.recordFailure()
        breaker.recordFailure()
        breaker.recordSuccess()
        breaker.recordFailure()
        breaker.recordFailure()
        #expect(breaker.currentState == .closed)
    }

    @Test func afterTheCooldownOneTrialGoesThroughAndItsSuccessCloses() {
        let breaker = breaker()
        for _ in 0..<3 { breaker.recordFailure() }
        clock.advance(by: .seconds(29))
        #expect(!breaker.acquire())
        clock.advance(by: .seconds(1))
        #expect(breaker.isAvailable)
        #expect(breaker.acquire())
        #expect(breaker.currentState == .halfOpen)
        // Only one trial at a time.
        #expect(!breaker.isAvailable)
        #expect(!breaker.acquire())
        breaker.recordSuccess()
        #expect(breaker.currentState == .closed)
        #expect(breaker.acquire())
    }

    @Test func aFailedTrialReopensForAnotherCooldown() {
        let breaker = breaker()
        for _ in 0..<3 { breaker.recordFailure() }
        clock.advance(by: .seconds(30))
        #expect(breaker.acquire())
        breaker.recordFailure()
        #expect(breaker.currentState == .open)
        clock.advance(by: .seconds(29))
        #expect(!breaker.acquire())
        clock.advance(by: .seconds(1))
        #expect(breaker.acquire())
    }

    @Test func aTrialWhoseResultNeverComesExpires() {
        let breaker = breaker()
        for _ in 0..<3 { breaker.recordFailure() }
        clock.advance(by: .seconds(30))
        #expect(breaker.acquire())
        clock.advance(by: .seconds(30))
        #expect(breaker.acquire())
        #expect(breaker.currentState == .halfOpen)
    }
}
