@testable import Brain
import Foundation
import Testing

/// The safetensors reader on small files written by the tests.
@Suite struct MiniLMSafeTensorsTests {
    /// Writes `header` (JSON text) after its 8-byte little-endian length, then `data`.
    static func file(header: String, data: [UInt8] = [], headerLength: UInt64? = nil) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("minilm-test-\(UUID().uuidString).safetensors")
        let json = Array(header.utf8)
        var bytes = withUnsafeBytes(of: (headerLength ?? UInt64(json.count)).littleEndian) { Array($0) }
        bytes += json + data
        try Data(bytes).write(to: url)
        return url
    }

    static func bytes<T>(_ values: [T]) -> [UInt8] {
        values.withUnsafeBytes { Array($0) }
    }

    @Test func readsFloatTensorsOfEveryWidth() throws {
        let f32 = Self.bytes([Float(1.5), -2, 3.25, 4])
        let f16 = Self.bytes([UInt16(0x3C00), 0xC000, 0x7BFF, 0x0001])  // 1, -2, 65504, 2⁻²⁴
        let bf16 = Self.bytes([UInt16(0x3F80), 0xC040])  // 1, -3
        let f64 = Self.bytes([Double(0.5), -0.125])
        let header = """
        {"__metadata__":{"format":"pt"},
         "a":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]},
         "b":{"dtype":"F16","shape":[4],"data_offsets":[16,24]},
         "c":{"dtype":"BF16","shape":[2],"data_offsets":[24,28]},
         "d":{"dtype":"F64","shape":[2],"data_offsets":[28,44]}}
        """
        let url = try Self.file(header: header, data: f32 + f16 + bf16 + f64)
        defer { try? FileManager.default.removeItem(at: url) }
        let file = try SafeTensorsFile(url: url)
        #expect(file.metadata == ["format": "pt"])
        let a = try file.tensor(named: "a", shape: [2, 2])
        #expect(a.array == [1.5, -2, 3.25, 4])
        #expect(try file.tensor(named: "b").array == [1, -2, 65504, 0x1p-24])
        #expect(try file.tensor(named: "c").array == [1, -3])
        #expect(try file.tensor(named: "d").array == [0.5, -0.125])
    }

    @Test func copiesFloatsStoredAtAnUnalignedOffset() throws {
        let data: [UInt8] = [7] + Self.bytes([Float(0.25), 8])
        let header = #"{"flag":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"x":{"dtype":"F32","shape":[2],"data_offsets":[1,9]}}"#
        let url = try Self.file(header: header, data: data)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try SafeTensorsFile(url: url).tensor(named: "x").array == [0.25, 8])
    }

    @Test func halfPrecisionSpecialValues() {
        #expect(SafeTensorsFile.float(fromHalfBits: 0x0000) == 0)
        #expect(SafeTensorsFile.float(fromHalfBits: 0x8000).sign == .minus)
        #expect(SafeTensorsFile.float(fromHalfBits: 0x7C00) == .infinity)
        #expect(SafeTensorsFile.float(fromHalfBits: 0xFC00) == -.infinity)
        #expect(SafeTensorsFile.float(fromHalfBits: 0x7E00).isNaN)
        #expect(SafeTensorsFile.float(fromHalfBits: 0x03FF) == 1023 * 0x1p-24)
        #expect(SafeTensorsFile.float(fromHalfBits: 0x3555) == 0.333251953125)
    }

    @Test func aMissingFileSaysSo() {
        let url = URL(fileURLWithPath: "/nonexistent/model.safetensors")
        #expect(throws: SafeTensorsError.fileMissing(path: url.path)) { try SafeTensorsFile(url: url) }
    }

    @Test func truncatedFilesAreRejected() throws {
        let short = FileManager.default.temporaryDirectory.appendingPathComponent("minilm-short-\(UUID().uuidString)")
        try Data([1, 2, 3]).write(to: short)
        let longHeader = try Self.file(header: "{}", headerLength: 1000)
        let shortData = try Self.file(header: #"{"x":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#, data: [0, 0, 0, 0])
        defer {
            for url in [short, longHeader, shortData] { try? FileManager.default.removeItem(at: url) }
        }
        for url in [short, longHeader, shortData] {
            let error = #expect(throws: SafeTensorsError.self) { try SafeTensorsFile(url: url) }
            guard case .truncated = error else {
                Issue.record("expected a truncation error for \(url.lastPathComponent), got \(String(describing: error))")
                continue
            }
            #expect(error?.description.contains("truncated") == true)
        }
    }

    @Test(arguments: [
        "not json",
        "[1, 2]",
        #"{"x":{"dtype":"F32","shape":[4]}}"#,
        #"{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,16]}}"#,
        #"{"x":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#,
        #"{"x":"F32"}"#,
    ])
    func badHeadersAreRejected(header: String) throws {
        let url = try Self.file(header: header, data: Array(repeating: 0, count: 16))
        defer { try? FileManager.default.removeItem(at: url) }
        let error = #expect(throws: SafeTensorsError.self) { try SafeTensorsFile(url: url) }
        guard case .badHeader = error else {
            Issue.record("expected a bad header error, got \(String(describing: error))")
            return
        }
    }

    @Test func unknownAndUnreadableDTypes() throws {
        let unknown = try Self.file(header: #"{"x":{"dtype":"Q4","shape":[2],"data_offsets":[0,1]}}"#, data: [0])
        let integers = try Self.file(header: #"{"ids":{"dtype":"I64","shape":[2],"data_offsets":[0,16]}}"#, data: Array(repeating: 0, count: 16))
        defer {
            try? FileManager.default.removeItem(at: unknown)
            try? FileManager.default.removeItem(at: integers)
        }
        #expect(throws: SafeTensorsError.unknownDType(tensor: "x", dtype: "Q4")) { try SafeTensorsFile(url: unknown) }
        let file = try SafeTensorsFile(url: integers)
        #expect(throws: SafeTensorsError.unsupportedDType(tensor: "ids", dtype: "I64")) { try file.tensor(named: "ids") }
        #expect(throws: SafeTensorsError.tensorMissing(name: "weight", path: integers.path)) { try file.tensor(named: "weight") }
        #expect(throws: SafeTensorsError.shapeMismatch(tensor: "ids", expected: [3], found: [2])) {
            try file.tensor(named: "ids", shape: [3])
        }
    }

    @Test func tensorsOutliveTheirFileObject() throws {
        let url = try Self.file(header: #"{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, data: Self.bytes([Float(6), 7]))
        defer { try? FileManager.default.removeItem(at: url) }
        let tensor = try SafeTensorsFile(url: url).tensor(named: "x")
        #expect(tensor.array == [6, 7])
    }

    @Test func aModelDirectoryWithoutConfigurationSaysWhatIsMissing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("minilm-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: MiniLMError.fileMissing(path: directory.appendingPathComponent("config.json").path)) {
            try MiniLMEmbedder(modelDirectory: directory)
        }
    }
}
