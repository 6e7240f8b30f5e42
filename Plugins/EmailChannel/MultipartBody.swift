/// Splits a multipart body (RFC 2046 §5.1.1) at its boundary lines, byte for byte.
///
/// A delimiter is `--boundary` at the start of a line; the line break before it belongs to it,
/// not to the part. Transport padding (spaces, tabs) after a delimiter is allowed. Lines may end
/// in CRLF, as the RFC says, or in a bare LF, as some producers write; the preamble before the
/// first delimiter and the epilogue after the closing one (`--boundary--`) are ignored.
enum MultipartBody {
    /// One part, before its headers are read.
    struct Section {
        /// The header block, without the blank line that ends it.
        var headers: ArraySlice<UInt8>
        /// The body, as is.
        var body: ArraySlice<UInt8>
        /// Whether a blank line separated the headers from the body (a part with neither body nor
        /// blank line has none).
        var hasSeparator: Bool
    }

    /// Why a body cannot be split.
    enum Failure: Error, Equatable {
        case noOpeningBoundary
        case noParts
        case noClosingBoundary
        case tooManyParts(Int)
        case textAfterBoundary
    }

    /// The parts of `bytes` delimited by `boundary`, each with its headers (see ``section(_:)``).
    ///
    /// - Parameter requireClose: whether a body without its closing delimiter is an error (a
    ///   form post) or ends at the last byte (a MIME part in a message, read leniently).
    static func split(_ bytes: ArraySlice<UInt8>, boundary: String, maxParts: Int, requireClose: Bool) throws(Failure) -> [ArraySlice<UInt8>] {
        let delimiter = Array("--\(boundary)".utf8)
        guard var start = firstDelimiter(delimiter, in: bytes) else { throw .noOpeningBoundary }
        var parts: [ArraySlice<UInt8>] = []
        while true {
            var cursor = start + delimiter.count
            if cursor + 1 < bytes.endIndex, bytes[cursor] == dash, bytes[cursor + 1] == dash {
                // A multipart has at least one part (RFC 2046): a closing delimiter first means none began.
                if parts.isEmpty { throw .noParts }
                return parts
            }
            while cursor < bytes.endIndex, bytes[cursor] == space || bytes[cursor] == tab { cursor += 1 }
            if cursor < bytes.endIndex, bytes[cursor] == cr { cursor += 1 }
            guard cursor < bytes.endIndex else {
                if requireClose { throw .noClosingBoundary }
                return parts
            }
            guard bytes[cursor] == lf else { throw .textAfterBoundary }
            let partStart = cursor + 1
            guard parts.count < maxParts else { throw .tooManyParts(maxParts) }
            // Searching from the line break that ended the delimiter line finds an empty part too.
            if let next = find([lf] + delimiter, in: bytes, from: cursor) {
                let end = next >= partStart && bytes[next - 1] == cr ? next - 1 : next
                parts.append(bytes[partStart..<max(partStart, end)])
                start = next + 1
            } else {
                if requireClose { throw .noClosingBoundary }
                var end = bytes.endIndex
                if end > partStart, bytes[end - 1] == lf { end -= 1 }
                if end > partStart, bytes[end - 1] == cr { end -= 1 }
                parts.append(bytes[partStart..<max(partStart, end)])
                return parts
            }
        }
    }

    /// Splits a part at the first blank line into headers and body.
    static func section(_ part: ArraySlice<UInt8>) -> Section {
        let start = part.startIndex
        if part.first == lf { return Section(headers: part[start..<start], body: part[(start + 1)...], hasSeparator: true) }
        if part.starts(with: [cr, lf]) { return Section(headers: part[start..<start], body: part[(start + 2)...], hasSeparator: true) }
        var index = start
        while index < part.endIndex {
            if part[index] == lf {
                let next = index + 1
                if next < part.endIndex, part[next] == lf {
                    return Section(headers: part[start..<index], body: part[(next + 1)...], hasSeparator: true)
                }
                if next + 1 < part.endIndex, part[next] == cr, part[next + 1] == lf {
                    let headerEnd = index > start && part[index - 1] == cr ? index - 1 : index
                    return Section(headers: part[start..<headerEnd], body: part[(next + 2)...], hasSeparator: true)
                }
            }
            index += 1
        }
        return Section(headers: part, body: part[part.endIndex...], hasSeparator: false)
    }

    /// The first delimiter at the start of a line: at the very beginning or right after an LF.
    private static func firstDelimiter(_ delimiter: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        if bytes.starts(with: delimiter) { return bytes.startIndex }
        return find([lf] + delimiter, in: bytes, from: bytes.startIndex).map { $0 + 1 }
    }

    /// The index (in `bytes`' own indices) of the first occurrence of `pattern` at or after `from`.
    static func find(_ pattern: [UInt8], in bytes: ArraySlice<UInt8>, from: Int) -> Int? {
        guard let first = pattern.first, pattern.count <= bytes.count else { return nil }
        let base = bytes.startIndex
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            let last = buffer.count - pattern.count
            var index = max(0, from - base)
            while index <= last {
                if buffer[index] == first {
                    var matched = true
                    for offset in 1..<pattern.count where buffer[index + offset] != pattern[offset] {
                        matched = false
                        break
                    }
                    if matched { return base + index }
                }
                index += 1
            }
            return nil
        }
    }

    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    private static let dash = UInt8(ascii: "-")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
}
