import Foundation

/// A MIME entity (RFC 2045, 2046): a header block, then a body or, for `multipart/*`, child
/// entities, read recursively from raw bytes.
///
/// Reading is lenient, as a mail reader must be: a multipart without its closing boundary ends at
/// the last byte, a multipart whose boundary never appears is kept as a single leaf, and nesting
/// stops at ``maxDepth`` and ``maxParts``.
public struct MIMEEntity: Sendable {
    /// How deep multiparts are read; deeper ones are leaves.
    public static let maxDepth = 12
    /// The most entities read from one message; later ones are dropped.
    public static let maxParts = 1_000

    /// The entity's header fields.
    public var headers: MailHeaders
    /// `Content-Type`, `text/plain` when absent or unreadable (RFC 2045 §5.2).
    public var contentType: HeaderValue
    /// The body as it was transmitted (still transfer-encoded); empty for a multipart.
    public var rawBody: ArraySlice<UInt8>
    /// The child entities of a multipart.
    public var parts: [MIMEEntity]

    /// Reads a message or part.
    public init(parsing bytes: [UInt8]) {
        var budget = Self.maxParts
        self.init(parsing: bytes[...], depth: 0, budget: &budget)
    }

    private init(parsing bytes: ArraySlice<UInt8>, depth: Int, budget: inout Int) {
        budget -= 1
        let section = MultipartBody.section(bytes)
        headers = MailHeaders(parsing: section.headers)
        let type = headers["Content-Type"].map(HeaderValue.init(parsing:))
        contentType = type.flatMap { $0.value.contains("/") ? $0 : nil } ?? HeaderValue(value: "text/plain")
        rawBody = section.body
        parts = []
        guard contentType.value.hasPrefix("multipart/"), depth < Self.maxDepth, budget > 0,
              let boundary = contentType[parameter: "boundary"], !boundary.isEmpty,
              let sections = try? MultipartBody.split(section.body, boundary: boundary, maxParts: budget, requireClose: false)
        else { return }
        var children: [MIMEEntity] = []
        for child in sections where budget > 0 {
            children.append(MIMEEntity(parsing: child, depth: depth + 1, budget: &budget))
        }
        parts = children
        rawBody = rawBody[rawBody.endIndex...]
    }

    /// Whether the entity is a multipart that was read into parts.
    public var isMultipart: Bool { !parts.isEmpty }

    /// The body with its `Content-Transfer-Encoding` undone.
    public var decodedBody: [UInt8] {
        TransferEncoding.decode(rawBody, encoding: headers["Content-Transfer-Encoding"])
    }

    /// The body as text in its declared charset (see ``Charset``).
    public var text: String {
        Charset.decode(decodedBody, charset: contentType[parameter: "charset"])
    }

    /// `Content-Disposition`, if present.
    public var disposition: HeaderValue? {
        headers["Content-Disposition"].map(HeaderValue.init(parsing:))
    }

    /// The file name from `Content-Disposition` or, failing that, the `Content-Type` `name`,
    /// encoded-words decoded.
    public var filename: String? {
        (disposition?[parameter: "filename"] ?? contentType[parameter: "name"])
            .map(EncodedWord.decode)
            .flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `Content-ID` without angle brackets.
    public var contentID: String? {
        MessageID.ids(in: headers["Content-ID"]).first
    }
}
