/// A view of an `HNSWStorage`'s buffers: plain pointers copied into each traversal, so the hot
/// loops touch no class properties (no reference counting or exclusivity checks).
///
/// Layout per slot: its vector (`dimension` floats), its level-0 link list (`m0 + 1` Int32:
/// the count, then the neighbours), and for a node above level 0 a block of `level` lists of
/// `m + 1` Int32. Valid until the storage grows; only used while the index's lock is held.
///
/// `@unchecked Sendable` so that build threads can share it: they write link lists only under
/// `NodeLocks`, and a node's vector, level and id never change once it is appended.
struct HNSWGraph: @unchecked Sendable {
    let dimension: Int
    let m: Int
    let m0: Int
    let vectors: UnsafeMutablePointer<Float>
    let level0: UnsafeMutablePointer<Int32>
    let upper: UnsafeMutablePointer<UnsafeMutablePointer<Int32>?>
    let levels: UnsafeMutablePointer<UInt8>
    let ids: UnsafeMutablePointer<Int64>
    let deleted: UnsafeMutablePointer<Bool>

    @inline(__always)
    func vector(_ slot: Int32) -> UnsafeMutablePointer<Float> {
        vectors + Int(slot) &* dimension
    }

    @inline(__always)
    func level(of slot: Int32) -> Int {
        Int(levels[Int(slot)])
    }

    /// The link list of `slot` on `level` (which the node must reach): the count, then the links.
    @inline(__always)
    func links(of slot: Int32, level: Int) -> UnsafeMutablePointer<Int32> {
        if level == 0 { return level0 + Int(slot) &* (m0 &+ 1) }
        // Every node above level 0 got its block when it was appended (HNSWStorage.append).
        return upper[Int(slot)].unsafelyUnwrapped + (level &- 1) &* (m &+ 1)
    }

    /// The most links a node keeps on `level`.
    @inline(__always)
    func maxLinks(level: Int) -> Int {
        level == 0 ? m0 : m
    }

    @inline(__always)
    func score(_ query: UnsafePointer<Float>, _ slot: Int32) -> Float {
        dotProduct(query, vector(slot), count: dimension)
    }

    /// Loads a word of every cache line of `slot`'s vector and returns them combined. Swift has
    /// no prefetch instruction; loads whose value is kept (see `VisitedList.sink`) do the same.
    @inline(__always)
    func warm(_ slot: Int32) -> UInt32 {
        let bytes = UnsafeRawPointer(vector(slot))
        let end = dimension &* MemoryLayout<Float>.stride
        var bits: UInt32 = 0
        var offset = 0
        while offset < end {
            bits ^= bytes.load(fromByteOffset: offset, as: UInt32.self)
            offset &+= 64
        }
        return bits
    }

    /// Copies the links of `slot` on `level` into `buffer` (at least `m0` long) under the node's
    /// lock when building concurrently; returns how many.
    @inline(__always)
    func copyLinks(of slot: Int32, level: Int, locks: NodeLocks?, into buffer: UnsafeMutablePointer<Int32>) -> Int {
        locks?.lock(slot)
        let list = links(of: slot, level: level)
        let count = Int(list[0])
        buffer.update(from: list + 1, count: count)
        locks?.unlock(slot)
        return count
    }
}
