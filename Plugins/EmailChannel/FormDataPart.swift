/// One field of a `multipart/form-data` body: a text value or a file.
public struct FormDataPart: Hashable, Sendable {
    /// The field's name (`Content-Disposition: form-data; name="…"`).
    public var name: String
    /// The file name, for a file field.
    public var filename: String?
    /// The part's `Content-Type`, if it has one.
    public var contentType: HeaderValue?
    /// The part's bytes, exactly as sent.
    public var body: [UInt8]

    public init(name: String, filename: String? = nil, contentType: HeaderValue? = nil, body: [UInt8]) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
        self.body = body
    }

    /// The value as text, in `charset` (or the part's own `charset` parameter) with
    /// ``Charset``'s fallbacks.
    public func text(charset: String? = nil) -> String {
        Charset.decode(body, charset: charset ?? contentType?[parameter: "charset"])
    }
}
