import Foundation

/// A stored message and its embedding, as the semantic memory indexes it.
public struct MessageVector: Sendable, Hashable {
    /// The message's SQLite rowid: the vector index's id.
    public var rowid: Int64
    public var tenantID: String
    public var customerID: String
    public var vector: [Float]

    public init(rowid: Int64, tenantID: String, customerID: String, vector: [Float]) {
        self.rowid = rowid
        self.tenantID = tenantID
        self.customerID = customerID
        self.vector = vector
    }
}

/// A stored message still waiting for its embedding.
public struct PendingMessage: Sendable, Hashable {
    public var rowid: Int64
    public var tenantID: String
    public var customerID: String
    public var text: String
}

extension [Float] {
    /// The vector as little-endian IEEE float16 bytes, as the memory stores it in SQLite (half
    /// the bytes of float32, and the precision the in-memory index keeps anyway); nil when a
    /// component is not finite or beyond float16's ±65504. `TenantVectors` reads these back,
    /// and the float32 rows that releases before float16 wrote.
    var float16Blob: Data? {
        let (halves, unheld) = float16BitPatterns()
        guard !isEmpty, unheld == nil else { return nil }
        #if _endian(big)
        return halves.map(\.littleEndian).withUnsafeBytes { Data($0) }
        #else
        return halves.withUnsafeBytes { Data($0) }
        #endif
    }
}
