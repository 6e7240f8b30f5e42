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
    /// The vector as little-endian float32 bytes, as stored in SQLite.
    var blob: Data {
        var data = Data(capacity: count * 4)
        for value in self {
            Swift.withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    /// A vector read back from ``blob`` bytes (nil when the length is not a multiple of 4).
    init?(blob: Data) {
        guard blob.count % 4 == 0 else { return nil }
        self = blob.withUnsafeBytes { raw in
            (0..<(blob.count / 4)).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
    }
}
