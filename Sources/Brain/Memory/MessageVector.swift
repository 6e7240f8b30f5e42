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
    /// The vector as little-endian float32 bytes, as stored in SQLite (read back in bulk by
    /// `TenantVectors`).
    var blob: Data {
        var data = Data(capacity: count * 4)
        for value in self {
            Swift.withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }
}
