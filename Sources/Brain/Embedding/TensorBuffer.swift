/// An immutable row-major tensor of 32-bit floats: either a view into a mapped weights file, or
/// memory it owns (weights converted from another dtype, or rearranged at load time).
final class TensorBuffer: @unchecked Sendable {
    // @unchecked Sendable: the memory behind `base` is never written after `init` returns. It is
    // either a read-only file mapping kept alive by `owner`, or a buffer this object filled in its
    // initializer and frees in `deinit`. Every thread may read it concurrently.

    /// Sizes of each dimension, outermost first (`[out, in]` for a linear layer's weight).
    let shape: [Int]
    /// The first element.
    let base: UnsafePointer<Float>
    /// The number of elements (the product of `shape`).
    let count: Int
    private let owner: AnyObject?
    private let ownedMemory: UnsafeMutablePointer<Float>?

    /// A view into memory that `owner` keeps alive.
    init(viewing base: UnsafePointer<Float>, shape: [Int], owner: AnyObject) {
        self.shape = shape
        self.base = base
        self.count = shape.reduce(1, *)
        self.owner = owner
        self.ownedMemory = nil
    }

    /// A tensor in memory of its own, filled once by `fill`.
    init(shape: [Int], fill: (UnsafeMutableBufferPointer<Float>) throws -> Void) rethrows {
        let count = shape.reduce(1, *)
        let memory = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
        do {
            try fill(UnsafeMutableBufferPointer(start: memory, count: count))
        } catch {
            memory.deallocate()
            throw error
        }
        self.shape = shape
        self.base = UnsafePointer(memory)
        self.count = count
        self.owner = nil
        self.ownedMemory = memory
    }

    deinit {
        ownedMemory?.deallocate()
    }

    /// Calls `body` with the elements, keeping this tensor (and so its memory) alive meanwhile.
    func withElements<Result>(_ body: (UnsafeBufferPointer<Float>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(self) {
            try body(UnsafeBufferPointer(start: base, count: count))
        }
    }

    /// The elements copied into an array.
    var array: [Float] {
        withElements(Array.init)
    }
}
