import Foundation

/// The node every HNSW traversal starts from (one on the top level) and that level.
///
/// An insert whose node rises above the top keeps `lock` for its whole insertion and then
/// publishes itself (as hnswlib does), so two such inserts cannot race; other inserts only
/// read it. `@unchecked Sendable`: `current` is only touched with `lock` held.
final class HNSWEntryPoint: @unchecked Sendable {
    let lock = NSLock()
    /// Touch only with `lock` held.
    var current: (slot: Int32, level: Int)?

    /// A consistent read.
    func read() -> (slot: Int32, level: Int)? {
        lock.withLock { current }
    }
}
