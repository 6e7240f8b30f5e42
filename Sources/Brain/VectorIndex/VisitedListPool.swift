import Foundation

/// Reusable visited lists for concurrent searches: each search borrows one for its duration.
///
/// `@unchecked Sendable`: the free list is only touched under `lock`, and a borrowed list
/// belongs to one search at a time.
final class VisitedListPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [VisitedList] = []

    /// Runs `body` with a list of at least `capacity` slots, returned to the pool afterwards.
    func withList<Result>(capacity: Int, _ body: (VisitedList) throws -> Result) rethrows -> Result {
        let list = borrow(capacity: capacity)
        defer { giveBack(list) }
        return try body(list)
    }

    private func borrow(capacity: Int) -> VisitedList {
        let reused = lock.withLock { free.popLast() }
        if let reused, reused.capacity >= capacity { return reused }
        // Too small for a grown graph: dropped, a larger one (with some headroom) replaces it.
        return VisitedList(capacity: capacity + capacity / 4)
    }

    private func giveBack(_ list: VisitedList) {
        lock.withLock { free.append(list) }
    }

    /// Drops every pooled list (after a graph shrank, or to free memory).
    func removeAll() {
        lock.withLock { free.removeAll() }
    }
}
