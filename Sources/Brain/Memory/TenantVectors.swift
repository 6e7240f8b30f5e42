/// One tenant's stored message vectors read back in bulk: parallel arrays and one contiguous
/// block of float16 components, ready to become the tenant's index without a copy per vector.
struct TenantVectors: Sendable {
    let dimension: Int
    /// Message rowids in ascending order: the index's ids.
    var rowids: [Int64] = []
    /// The current customer of each message.
    var customerIDs: [String] = []
    /// `rowids.count × dimension` components as float16 bit patterns, row-major.
    var halves: [UInt16] = []
    /// Rows whose blob was not `dimension` finite floats: left out, to be embedded again.
    var unreadable: [Int64] = []

    var count: Int { rowids.count }
}
