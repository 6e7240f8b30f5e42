import Foundation

/// The header fields of an email or of a MIME part (RFC 5322 §2.2), in order, looked up
/// case-insensitively. Folded fields are unfolded; values are kept raw (encoded-words are decoded
/// by the callers that show them, see ``EncodedWord``).
public struct MailHeaders: Hashable, Sendable {
    /// One header field.
    public struct Field: Hashable, Sendable {
        /// The field name as written (`Message-ID`, `Content-Type`).
        public var name: String
        /// The value, unfolded, without the space after the colon and without trailing whitespace.
        public var value: String
    }

    /// The most fields kept from one header block; a longer block is cut there.
    public static let maxFields = 1_000

    /// The fields, in order.
    public private(set) var fields: [Field]

    public init(_ fields: [Field] = []) {
        self.fields = fields
    }

    /// Reads a raw header block (lines separated by CRLF or LF, ending at the first empty line if
    /// any). A line starting with a space or a tab continues the field before it; lines without a
    /// colon (an mbox `From ` line) are skipped.
    ///
    /// ```swift
    /// MailHeaders(parsing: "Subject: Hello\r\n world\r\nFrom: a@example.com\r\n")["subject"] // "Hello world"
    /// ```
    public init(parsing block: String) {
        var fields: [Field] = []
        for line in block.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if line.isEmpty { break }
            if let first = line.first, first == " " || first == "\t" {
                if !fields.isEmpty { fields[fields.count - 1].value += line }
                continue
            }
            guard fields.count < Self.maxFields, let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.contains(" ") else { continue }
            fields.append(Field(name: name, value: String(line[line.index(after: colon)...])))
        }
        self.fields = fields.map { Field(name: $0.name, value: $0.value.trimmingCharacters(in: .whitespaces)) }
    }

    /// Reads a raw header block from its bytes: UTF-8 where valid (RFC 6532), else Windows-1252.
    public init(parsing bytes: some Collection<UInt8>) {
        self.init(parsing: Charset.decode(bytes, charset: nil))
    }

    /// The value of the first field with this name, or nil.
    public subscript(name: String) -> String? {
        fields.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Every value of fields with this name, in order.
    public func values(for name: String) -> [String] {
        let lowered = name.lowercased()
        return fields.filter { $0.name.lowercased() == lowered }.map(\.value)
    }
}
