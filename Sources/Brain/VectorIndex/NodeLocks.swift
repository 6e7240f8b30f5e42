import Foundation

/// Striped mutexes over HNSW nodes, used only while several threads insert into one graph.
///
/// A thread holds at most one node lock at a time (it copies a link list out, or rewrites one,
/// then unlocks), so two nodes sharing a stripe cannot deadlock. `@unchecked Sendable` because
/// it wraps C mutexes kept at fixed heap addresses and touched only through pthread calls.
final class NodeLocks: @unchecked Sendable {
    private let mutexes: UnsafeMutablePointer<pthread_mutex_t>
    private let stripes: Int

    /// - Parameter stripes: a power of two; more stripes, fewer false collisions.
    init(stripes: Int = 1 << 14) {
        precondition(stripes > 0 && stripes & (stripes - 1) == 0, "stripes must be a power of two")
        self.stripes = stripes
        mutexes = .allocate(capacity: stripes)
        mutexes.initialize(repeating: pthread_mutex_t(), count: stripes)
        for stripe in 0 ..< stripes {
            pthread_mutex_init(mutexes + stripe, nil)
        }
    }

    deinit {
        for stripe in 0 ..< stripes {
            pthread_mutex_destroy(mutexes + stripe)
        }
        mutexes.deinitialize(count: stripes)
        mutexes.deallocate()
    }

    @inline(__always)
    func lock(_ slot: Int32) {
        pthread_mutex_lock(mutexes + (Int(slot) & (stripes - 1)))
    }

    @inline(__always)
    func unlock(_ slot: Int32) {
        pthread_mutex_unlock(mutexes + (Int(slot) & (stripes - 1)))
    }
}
