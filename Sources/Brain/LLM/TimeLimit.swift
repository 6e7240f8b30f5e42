/// Runs `operation`, giving up with ``LLMCallError/timedOut(after:)`` when it has not finished
/// within `limit`. The operation is then cancelled (and awaited: it must honour cancellation).
///
/// This keeps a call inside the channel's time budget even when a transport's own timeout is
/// late or missing.
func withTimeLimit<T: Sendable>(
    _ limit: Duration,
    _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self, returning: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        // Whichever child finishes first decides; the other is cancelled and awaited by the group.
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw CancellationError() }
        guard let value = first else { throw LLMCallError.timedOut(after: limit) }
        return value
    }
}
