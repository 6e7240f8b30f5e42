import CHalfVectors
import Foundation
import GRDB
import GRDBSQLite

extension TenantVectors {
    /// Steps `statement` (selecting rowid, customer id, vector blob) and copies up to `capacity`
    /// rows straight into one allocation of float16. It talks to SQLite directly: GRDB's generic
    /// row decoding costs more per row than the copy itself (1M rows: 4.5 s against 1 s). A blob
    /// that is neither `dimension` finite little-endian float16 values nor (as releases before
    /// float16 stored them) `dimension` finite float32 values within float16's range goes to
    /// `unreadable`.
    init(dimension: Int, capacity: Int, stepping statement: Statement, in db: Database) throws {
        self.dimension = dimension
        let handle = statement.sqliteStatement
        var rowids: [Int64] = []
        var customerIDs: [String] = []
        var unreadable: [Int64] = []
        rowids.reserveCapacity(capacity)
        customerIDs.reserveCapacity(capacity)
        halves = try [UInt16](unsafeUninitializedCapacity: capacity * dimension) { buffer, initialized in
            initialized = 0
            Self.adviseHugePages(buffer)
            while rowids.count < capacity {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
                }
                let rowid = sqlite3_column_int64(handle, 0)
                guard let blob = sqlite3_column_blob(handle, 2), let customer = sqlite3_column_text(handle, 1),
                      let destination = buffer.baseAddress.map({ $0 + initialized }),
                      Self.decode(blob, byteCount: Int(sqlite3_column_bytes(handle, 2)), into: destination, dimension: dimension) else {
                    unreadable.append(rowid)
                    continue
                }
                rowids.append(rowid)
                customerIDs.append(String(cString: customer))
                initialized += dimension
            }
        }
        self.rowids = rowids
        self.customerIDs = customerIDs
        self.unreadable = unreadable
    }

    /// Copies a stored vector into `destination` as float16: float16 blobs as they are, float32
    /// blobs converted. False for another length or a value float16 cannot hold.
    private static func decode(_ blob: UnsafeRawPointer, byteCount: Int, into destination: UnsafeMutablePointer<UInt16>, dimension: Int) -> Bool {
        switch byteCount {
        case dimension * 2: half_copy_finite(blob, destination, dimension) != 0
        case dimension * 4: half_from_float(blob, destination, dimension) != 0
        default: false
        }
    }

    /// Asks Linux to back a large block with 2 MB pages: filling 750 MB of fresh 4 KB pages
    /// costs ~200k page faults, a large part of the load (a hint: ignored where unsupported).
    private static func adviseHugePages(_ buffer: UnsafeMutableBufferPointer<UInt16>) {
        #if os(Linux)
        guard let base = buffer.baseAddress, buffer.count * MemoryLayout<UInt16>.size >= 4 << 20 else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (Int(bitPattern: base) + page - 1) / page * page
        let end = (Int(bitPattern: base + buffer.count)) / page * page
        guard end > start, let address = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(address, end - start, MADV_HUGEPAGE)
        #endif
    }
}
