import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `.safetensors` file mapped read-only into memory.
///
/// The format: an 8-byte little-endian header length `n`, `n` bytes of JSON mapping each tensor
/// name to `{"dtype", "shape", "data_offsets": [begin, end]}` (plus an optional string map
/// `"__metadata__"`), then the data section, row-major and little-endian. Tensors read from the
/// file (``tensor(named:)``) keep the mapping alive for as long as they live.
final class SafeTensorsFile: @unchecked Sendable {
    // @unchecked Sendable: the mapping is `PROT_READ` and private, set once in `init` and unmapped
    // only in `deinit`; every other property is an immutable value.

    /// The file's path, for error messages.
    let path: String
    /// Every tensor the header lists, by name.
    let entries: [String: SafeTensorsEntry]
    /// The header's `"__metadata__"` strings (`["format": "pt"]`).
    let metadata: [String: String]
    private let mapping: UnsafeRawBufferPointer
    private let dataStart: Int

    /// Maps the file and validates its header.
    init(url: URL) throws {
        let path = url.path
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            throw SafeTensorsError.fileMissing(path: path)
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw SafeTensorsError.unreadable(path: path, errno: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw SafeTensorsError.unreadable(path: path, errno: errno)
        }
        let size = Int(status.st_size)
        guard size >= 8 else {
            throw SafeTensorsError.truncated(
                path: path, reason: "\(size) bytes, fewer than the 8-byte header length")
        }
        guard let start = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), start != MAP_FAILED
        else {
            throw SafeTensorsError.unreadable(path: path, errno: errno)
        }
        let mapping = UnsafeRawBufferPointer(start: start, count: size)
        do {
            (entries, metadata, dataStart) = try Self.parseHeader(of: mapping, path: path)
        } catch {
            munmap(start, size)
            throw error
        }
        self.mapping = mapping
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: mapping.baseAddress), mapping.count)
    }

    /// The raw bytes of a tensor, inside the mapping.
    func bytes(of entry: SafeTensorsEntry) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: mapping[(dataStart + entry.byteRange.lowerBound)..<(dataStart + entry.byteRange.upperBound)])
    }

    private static func parseHeader(
        of file: UnsafeRawBufferPointer, path: String
    ) throws -> (entries: [String: SafeTensorsEntry], metadata: [String: String], dataStart: Int) {
        let headerLength = UInt64(littleEndian: file.loadUnaligned(as: UInt64.self))
        guard headerLength <= UInt64(file.count - 8) else {
            throw SafeTensorsError.truncated(
                path: path,
                reason: "the header claims \(headerLength) bytes, only \(file.count - 8) follow the length")
        }
        let dataStart = 8 + Int(headerLength)
        let json = Data(UnsafeRawBufferPointer(rebasing: file[8..<dataStart]))
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: json)
        } catch {
            throw SafeTensorsError.badHeader(path: path, reason: "not JSON (\(error.localizedDescription))")
        }
        guard let header = parsed as? [String: Any] else {
            throw SafeTensorsError.badHeader(path: path, reason: "not a JSON object")
        }
        let dataSize = file.count - dataStart
        var entries: [String: SafeTensorsEntry] = [:]
        var metadata: [String: String] = [:]
        for (name, value) in header {
            if name == "__metadata__" {
                guard let strings = value as? [String: Any] else {
                    throw SafeTensorsError.badHeader(path: path, reason: "__metadata__ is not an object")
                }
                for (key, value) in strings {
                    metadata[key] = value as? String ?? "\(value)"
                }
                continue
            }
            let entry = try parseEntry(name: name, value: value, path: path)
            guard entry.byteRange.upperBound <= dataSize else {
                throw SafeTensorsError.truncated(
                    path: path,
                    reason: "tensor \(name) ends at data byte \(entry.byteRange.upperBound), the data section has \(dataSize) bytes")
            }
            entries[name] = entry
        }
        return (entries, metadata, dataStart)
    }

    private static func parseEntry(name: String, value: Any, path: String) throws -> SafeTensorsEntry {
        guard let fields = value as? [String: Any] else {
            throw SafeTensorsError.badHeader(path: path, reason: "entry \(name) is not an object")
        }
        guard let dtypeName = fields["dtype"] as? String else {
            throw SafeTensorsError.badHeader(path: path, reason: "entry \(name) has no dtype string")
        }
        guard let dtype = SafeTensorsDType(rawValue: dtypeName) else {
            throw SafeTensorsError.unknownDType(tensor: name, dtype: dtypeName)
        }
        guard let shape = integers(fields["shape"]), shape.allSatisfy({ $0 >= 0 }) else {
            throw SafeTensorsError.badHeader(path: path, reason: "entry \(name) has no valid shape")
        }
        guard let offsets = integers(fields["data_offsets"]), offsets.count == 2,
              offsets[0] >= 0, offsets[0] <= offsets[1]
        else {
            throw SafeTensorsError.badHeader(path: path, reason: "entry \(name) has no valid data_offsets")
        }
        let expectedBytes = shape.reduce(dtype.byteWidth, *)
        guard offsets[1] - offsets[0] == expectedBytes else {
            throw SafeTensorsError.badHeader(
                path: path,
                reason: "entry \(name) spans \(offsets[1] - offsets[0]) bytes, its shape \(shape) of \(dtypeName) needs \(expectedBytes)")
        }
        return SafeTensorsEntry(dtype: dtype, shape: shape, byteRange: offsets[0]..<offsets[1])
    }

    /// A JSON array of integers, or nil.
    private static func integers(_ value: Any?) -> [Int]? {
        guard let array = value as? [Any] else { return nil }
        var result: [Int] = []
        result.reserveCapacity(array.count)
        for element in array {
            guard let number = element as? Int else { return nil }
            result.append(number)
        }
        return result
    }
}
