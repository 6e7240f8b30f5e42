/// The fake provider's mutable state: what it received, what it answers next, and who waits for
/// requests to arrive.
actor ProviderScript {
    /// A caller of ``waitForRequests(atLeast:)`` still waiting for its count.
    private struct Waiter {
        var count: Int
        var continuation: CheckedContinuation<[FakeProvider.RecordedRequest], any Error>
    }

    /// Every request received, in order of arrival.
    private(set) var requests: [FakeProvider.RecordedRequest] = []
    private var queued: [FakeProvider.Reply] = []
    private var defaultReply: FakeProvider.Reply
    private var waiters: [Int: Waiter] = [:]
    private var nextWaiterID = 0

    init(defaultReply: FakeProvider.Reply) {
        self.defaultReply = defaultReply
    }

    func enqueue(_ replies: [FakeProvider.Reply]) {
        queued.append(contentsOf: replies)
    }

    func setDefaultReply(_ reply: FakeProvider.Reply) {
        defaultReply = reply
    }

    /// Records `request`, wakes the waiters it satisfies, and returns the reply it gets: the
    /// first queued one, else the default.
    func receive(_ request: FakeProvider.RecordedRequest) -> FakeProvider.Reply {
        requests.append(request)
        for (id, waiter) in waiters where requests.count >= waiter.count {
            waiters[id] = nil
            waiter.continuation.resume(returning: requests)
        }
        return queued.isEmpty ? defaultReply : queued.removeFirst()
    }

    /// Every request received, once there are at least `count`. Throws `CancellationError` when
    /// the calling task is cancelled first.
    func waitForRequests(atLeast count: Int) async throws -> [FakeProvider.RecordedRequest] {
        if requests.count >= count { return requests }
        let id = nextWaiterID
        nextWaiterID += 1
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                if requests.count >= count {
                    continuation.resume(returning: requests)
                } else if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiters[id] = Waiter(count: count, continuation: continuation)
                }
            }
        } onCancel: {
            // The handler cannot run on the actor; the hop resumes the waiter if it registered.
            // If it had not yet, it sees `Task.isCancelled` when it does.
            Task { await self.cancelWaiter(id) }
        }
    }

    private func cancelWaiter(_ id: Int) {
        waiters.removeValue(forKey: id)?.continuation.resume(throwing: CancellationError())
    }
}
