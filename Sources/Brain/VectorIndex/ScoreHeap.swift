/// A binary min-heap of scored slots: the lowest score is on top.
///
/// Search keeps its results in one (the worst result on top, to evict) and its candidates in
/// another with negated scores (the best candidate on top, to expand next).
struct ScoreHeap {
    private(set) var elements: [ScoredSlot] = []

    init(capacity: Int) {
        elements.reserveCapacity(capacity)
    }

    var count: Int { elements.count }
    var isEmpty: Bool { elements.isEmpty }
    /// The lowest-scored element; only valid when the heap is not empty.
    var top: ScoredSlot { elements[0] }

    mutating func push(_ element: ScoredSlot) {
        elements.append(element)
        var child = elements.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard element.score < elements[parent].score else { break }
            elements[child] = elements[parent]
            child = parent
        }
        elements[child] = element
    }

    /// Removes and returns the lowest-scored element.
    mutating func pop() -> ScoredSlot? {
        guard let last = elements.popLast() else { return nil }
        guard !elements.isEmpty else { return last }
        let top = elements[0]
        siftDown(last)
        return top
    }

    /// Replaces the top (lowest) element with `element`: one pop and one push in a single pass.
    mutating func replaceTop(with element: ScoredSlot) {
        siftDown(element)
    }

    /// Puts `element` at the root and moves it down to its place.
    private mutating func siftDown(_ element: ScoredSlot) {
        let count = elements.count
        var parent = 0
        while true {
            var child = 2 * parent + 1
            guard child < count else { break }
            if child + 1 < count, elements[child + 1].score < elements[child].score { child += 1 }
            guard elements[child].score < element.score else { break }
            elements[parent] = elements[child]
            parent = child
        }
        elements[parent] = element
    }
}
