import Foundation

/// Hands out consecutive chunks of a range to build threads.
final class ChunkCounter: @unchecked Sendable {
    // @unchecked Sendable: `next` is only touched with `lock` held.
    private let lock = NSLock()
    private let range: Range<Int>
    private let chunk: Int
    private var next: Int

    init(range: Range<Int>, chunk: Int) {
        self.range = range
        self.chunk = chunk
        next = range.lowerBound
    }

    func take() -> Range<Int>? {
        lock.withLock {
            guard next < range.upperBound else { return nil }
            let start = next
            next = min(next + chunk, range.upperBound)
            return start ..< next
        }
    }
}
