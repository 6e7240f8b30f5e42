/// A request a vector index refuses: a vector of the wrong length or with a NaN or infinite
/// component, or a graph build that no longer matches its index.
public struct VectorIndexError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, stable for callers to match on.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String {
            case dimensionMismatch
            case invalidVector
            case staleBuild
        }

        private let value: Value

        private init(_ value: Value) {
            self.value = value
        }

        /// A vector or query whose length is not the index's dimension.
        public static var dimensionMismatch: Code { Code(.dimensionMismatch) }
        /// A vector with a NaN or infinite component.
        public static var invalidVector: Code { Code(.invalidVector) }
        /// A graph installed with a ticket that is not the index's pending build.
        public static var staleBuild: Code { Code(.staleBuild) }

        public var description: String { value.rawValue }
    }

    public var code: Code
    public var description: String

    static func dimensionMismatch(expected: Int, actual: Int) -> VectorIndexError {
        VectorIndexError(code: .dimensionMismatch, description: "expected a vector of \(expected) components, got \(actual)")
    }

    static func invalidVector(component: Int) -> VectorIndexError {
        VectorIndexError(code: .invalidVector, description: "component \(component) of the vector is NaN or infinite")
    }

    static func unstorable(rowid: Int64) -> VectorIndexError {
        VectorIndexError(code: .invalidVector, description: "the vector of message \(rowid) has a component that is NaN, infinite or beyond float16's range")
    }

    static func staleBuild(generation: Int) -> VectorIndexError {
        VectorIndexError(code: .staleBuild, description: "graph build \(generation) is not the index's pending build (cancelled or superseded)")
    }

    static func wrongGraph(expected: Int, actual: Int) -> VectorIndexError {
        VectorIndexError(code: .dimensionMismatch, description: "the graph holds \(actual)-component vectors, the index \(expected)")
    }
}

extension VectorIndexError {
    /// Throws unless `vector` has `dimension` finite components.
    static func validate(_ vector: [Float], dimension: Int) throws {
        guard vector.count == dimension else {
            throw dimensionMismatch(expected: dimension, actual: vector.count)
        }
        if let component = vector.firstIndex(where: { !$0.isFinite }) {
            throw invalidVector(component: component)
        }
    }

    /// Throws unless `query` has `dimension` components.
    static func validateQuery(_ query: [Float], dimension: Int) throws {
        guard query.count == dimension else {
            throw dimensionMismatch(expected: dimension, actual: query.count)
        }
    }
}
