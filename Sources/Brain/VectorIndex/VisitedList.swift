/// Which slots one graph traversal has reached: a tag per slot, so that starting the next
/// traversal is one increment instead of clearing `capacity` entries.
final class VisitedList {
    let capacity: Int
    /// `marks[slot] == tag` means visited in the current traversal.
    let marks: UnsafeMutablePointer<UInt16>
    private var tag: UInt16 = 0
    /// Where a traversal leaves the bits it loaded only to warm the cache, so the loads stay.
    var sink: UInt32 = 0

    init(capacity: Int) {
        self.capacity = capacity
        marks = .allocate(capacity: Swift.max(capacity, 1))
        marks.initialize(repeating: 0, count: Swift.max(capacity, 1))
    }

    deinit {
        marks.deallocate()
    }

    /// Starts a traversal and returns its tag (clearing the marks when the tag wraps around).
    func begin() -> UInt16 {
        tag &+= 1
        if tag == 0 {
            marks.update(repeating: 0, count: Swift.max(capacity, 1))
            tag = 1
        }
        return tag
    }
}
