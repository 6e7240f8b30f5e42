import Foundation
import GRDB
import GRDBSQLite

extension TenantVectors {
    /// Steps `statement` (selecting rowid, customer id, vector blob) and copies up to `capacity`
    /// rows straight into one allocation. It talks to SQLite directly: GRDB's generic row
    /// decoding costs more per row than the copy itself (1M rows: 4.5 s against 1 s). A blob
    /// that is not `dimension` finite little-endian floats goes to `unreadable`.
    init(dimension: Int, capacity: Int, stepping statement: Statement, in db: Database) throws {
        self.dimension = dimension
        let byteCount = dimension * MemoryLayout<Float>.size
        let handle = statement.sqliteStatement
        var rowids: [Int64] = []
        var customerIDs: [String] = []
        var unreadable: [Int64] = []
        rowids.reserveCapacity(capacity)
        customerIDs.reserveCapacity(capacity)
        components = try [Float](unsafeUninitializedCapacity: capacity * dimension) { buffer, initialized in
            initialized = 0
            Self.adviseHugePages(buffer)
            while rowids.count < capacity {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
                }
                let rowid = sqlite3_column_int64(handle, 0)
                let destination = UnsafeMutableBufferPointer(rebasing: buffer[initialized ..< initialized + dimension])
                guard let blob = sqlite3_column_blob(handle, 2), sqlite3_column_bytes(handle, 2) == byteCount,
                      let customer = sqlite3_column_text(handle, 1),
                      Self.copyFinite(from: UnsafeRawPointer(blob), to: destination) else {
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

    /// Copies little-endian float32 bytes into `destination`; false when one is not finite
    /// (all exponent bits set: adding one to the exponent field carries into the sign bit).
    private static func copyFinite(from bytes: UnsafeRawPointer, to destination: UnsafeMutableBufferPointer<Float>) -> Bool {
        UnsafeMutableRawBufferPointer(destination).copyMemory(from: UnsafeRawBufferPointer(start: bytes, count: destination.count * 4))
        var carries: UInt32 = 0
        #if _endian(big)
        for index in destination.indices {
            destination[index] = Float(bitPattern: UInt32(littleEndian: destination[index].bitPattern))
        }
        #endif
        destination.withMemoryRebound(to: UInt32.self) { words in
            for word in words {
                carries |= (word & 0x7F80_0000) &+ 0x0080_0000
            }
        }
        return carries & 0x8000_0000 == 0
    }

    /// Asks Linux to back a large block with 2 MB pages: filling 1.5 GB of fresh 4 KB pages
    /// costs ~400k page faults, a third of the load (a hint: ignored where unsupported).
    private static func adviseHugePages(_ buffer: UnsafeMutableBufferPointer<Float>) {
        #if os(Linux)
        guard let base = buffer.baseAddress, buffer.count * MemoryLayout<Float>.size >= 4 << 20 else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (Int(bitPattern: base) + page - 1) / page * page
        let end = (Int(bitPattern: base + buffer.count)) / page * page
        guard end > start, let address = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(address, end - start, MADV_HUGEPAGE)
        #endif
    }
}
