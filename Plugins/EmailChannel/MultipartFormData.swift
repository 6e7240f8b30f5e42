import ChannelKit
import Foundation

/// Reads `multipart/form-data` bodies (RFC 7578), as SendGrid's Inbound Parse posts them.
///
/// Binary-safe: part bodies are kept as bytes. Each part must have a `Content-Disposition` of
/// `form-data` with a `name`; part headers are read as UTF-8 (RFC 7578 §5.1), falling back to
/// Windows-1252.
public enum MultipartFormData {
    /// The most parts accepted in one body (fields and files together).
    public static let defaultMaxParts = 500
    /// The longest header block accepted for one part, in bytes.
    public static let maxPartHeaderBytes = 16_384

    /// The boundary of a `multipart/form-data` content type, or nil when the type is another one
    /// or has no usable boundary (1 to 70 characters, RFC 2046).
    public static func boundary(contentType: String?) -> String? {
        guard let contentType else { return nil }
        let value = HeaderValue(parsing: contentType)
        guard value.value == "multipart/form-data", let boundary = value[parameter: "boundary"],
              (1...70).contains(boundary.count), !boundary.contains(where: \.isNewline) else { return nil }
        return boundary
    }

    /// The parts of `body`, in order.
    ///
    /// - Throws: 400 `malformed_payload` with the reason: no opening or closing boundary, no part, text
    ///   after a boundary, more than `maxParts` parts, a part without `Content-Disposition:
    ///   form-data; name=…`, or with a header block over ``maxPartHeaderBytes``.
    public static func parse(_ body: Data, boundary: String, maxParts: Int = defaultMaxParts) throws(WebhookError) -> [FormDataPart] {
        let bytes = [UInt8](body)
        let sections: [MultipartBody.Section]
        do {
            sections = try MultipartBody.split(bytes[...], boundary: boundary, maxParts: maxParts, requireClose: true)
                .map(MultipartBody.section)
        } catch {
            throw WebhookError.malformed(reason(for: error))
        }
        var parts: [FormDataPart] = []
        parts.reserveCapacity(sections.count)
        for (index, section) in sections.enumerated() {
            guard section.headers.count <= maxPartHeaderBytes else {
                throw WebhookError.malformed("form part \(index + 1) has more than \(maxPartHeaderBytes) bytes of headers")
            }
            guard section.hasSeparator else {
                throw WebhookError.malformed("form part \(index + 1) has no blank line after its headers")
            }
            let headers = MailHeaders(parsing: section.headers)
            let disposition = headers["Content-Disposition"].map(HeaderValue.init(parsing:))
            guard let disposition, disposition.value == "form-data", let name = disposition[parameter: "name"], !name.isEmpty else {
                throw WebhookError.malformed("form part \(index + 1) has no Content-Disposition: form-data with a name")
            }
            parts.append(FormDataPart(
                name: name,
                filename: disposition[parameter: "filename"],
                contentType: headers["Content-Type"].map(HeaderValue.init(parsing:)),
                body: Array(section.body)
            ))
        }
        return parts
    }

    private static func reason(for failure: MultipartBody.Failure) -> String {
        switch failure {
        case .noOpeningBoundary: "the multipart body does not start with its boundary"
        case .noParts: "the multipart body has no parts"
        case .noClosingBoundary: "the multipart body ends without its closing boundary"
        case .tooManyParts(let limit): "the multipart body has more than \(limit) parts"
        case .textAfterBoundary: "a boundary line of the multipart body is followed by other text"
        }
    }
}
