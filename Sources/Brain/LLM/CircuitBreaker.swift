import Synchronization

/// Where an endpoint's circuit stands.
public enum CircuitState: String, Sendable, Hashable {
    /// Calls go through; failures are being counted.
    case closed
    /// Too many consecutive failures: calls are refused until the cooldown has passed.
    case open
    /// The cooldown has passed and one trial call is (or may be) in flight; its result decides.
    case halfOpen = "half_open"
}

/// Stops calling an endpoint that keeps failing, and tries it again after a while.
///
/// Closed → open after `failureThreshold` consecutive failures → once `cooldown` has passed,
/// half-open: exactly one trial call is let through. Its success closes the circuit, its failure
/// opens it for another cooldown. A trial whose result never comes (its task was cancelled) is
/// given up after one cooldown, and another trial is allowed.
///
/// ```swift
/// guard breaker.acquire() else { return }      // open: skip this endpoint
/// do { try await call(); breaker.recordSuccess() } catch { breaker.recordFailure() }
/// ```
public final class CircuitBreaker: Sendable {
    private enum State {
        case closed(failures: Int)
        case open(until: ContinuousClock.Instant)
        case halfOpen(trialStartedAt: ContinuousClock.Instant)
    }

    public let failureThreshold: Int
    public let cooldown: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let state = Mutex<State>(.closed(failures: 0))

    /// - Parameters:
    ///   - failureThreshold: Consecutive failures that open the circuit (at least 1).
    ///   - cooldown: How long it stays open before a trial call.
    ///   - now: The clock's reading; tests pass a controllable one.
    public init(
        failureThreshold: Int = 5,
        cooldown: Duration = .seconds(30),
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.failureThreshold = max(1, failureThreshold)
        self.cooldown = cooldown
        self.now = now
    }

    /// The state as last recorded (an open circuit whose cooldown has passed reads `open` until
    /// a call is let through).
    public var currentState: CircuitState {
        state.withLock { state in
            switch state {
            case .closed: .closed
            case .open: .open
            case .halfOpen: .halfOpen
            }
        }
    }

    /// Whether ``acquire()`` would let a call through now. Takes nothing: for choosing models.
    public var isAvailable: Bool {
        let now = now()
        return state.withLock { state in
            switch state {
            case .closed: true
            case .open(let until): now >= until
            case .halfOpen(let started): now >= started + cooldown
            }
        }
    }

    /// Asks to make a call. True when the circuit is closed, or when this call becomes the
    /// half-open trial; false while open or while another trial is in flight. A caller that gets
    /// true must report the call's result.
    public func acquire() -> Bool {
        let now = now()
        let cooldown = cooldown
        return state.withLock { state in
            switch state {
            case .closed:
                return true
            case .open(let until):
                guard now >= until else { return false }
                state = .halfOpen(trialStartedAt: now)
                return true
            case .halfOpen(let started):
                guard now >= started + cooldown else { return false }
                state = .halfOpen(trialStartedAt: now)
                return true
            }
        }
    }

    /// A call succeeded: the circuit closes and the failure count starts again.
    public func recordSuccess() {
        state.withLock { $0 = .closed(failures: 0) }
    }

    /// A call failed: counts towards opening, or reopens a half-open circuit.
    public func recordFailure() {
        let now = now()
        let cooldown = cooldown
        let threshold = failureThreshold
        state.withLock { state in
            switch state {
            case .closed(let failures):
                state = failures + 1 >= threshold ? .open(until: now + cooldown) : .closed(failures: failures + 1)
            case .open:
                // A call let through before the circuit opened; the cooldown already runs.
                break
            case .halfOpen:
                state = .open(until: now + cooldown)
            }
        }
    }
}
