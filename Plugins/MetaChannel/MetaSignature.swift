import ChannelKit
import Foundation

/// Meta's webhook signature: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`.
///
/// Meta signs the exact bytes it sends (with non-ASCII characters escaped as `\uXXXX`), so the
/// signature is checked over the raw body, never over a re-encoded one.
///
/// ```swift
/// let value = MetaSignature.headerValue(for: body, appSecret: secret) // "sha256=5c1f…"
/// try MetaSignature.verify(value, body: body, appSecret: secret)
/// ```
public enum MetaSignature {
    /// The header that carries the signature.
    public static let headerName = "X-Hub-Signature-256"
    /// The only algorithm accepted.
    public static let algorithm = "sha256"

    /// The header value Meta would send for `body`.
    public static func headerValue(for body: Data, appSecret: Secret) -> String {
        "\(algorithm)=" + Signature.hmacSHA256Hex(key: appSecret, data: body)
    }

    /// Checks an `X-Hub-Signature-256` value against `body`, in constant time.
    ///
    /// - Parameter headerValue: the header as received, or nil when absent.
    /// - Throws: 401 ``WebhookError/missingSignature(_:)`` when the header is absent or empty;
    ///   401 ``WebhookError/invalidSignature(_:)`` when it names another algorithm (`sha1=`), is not
    ///   `sha256=` and 64 hex digits, or does not match the body.
    public static func verify(_ headerValue: String?, body: Data, appSecret: Secret) throws(WebhookError) {
        guard let value = headerValue?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            throw WebhookError.missingSignature(headerName)
        }
        guard let separator = value.firstIndex(of: "=") else {
            throw WebhookError.invalidSignature("the \(headerName) header must be \"\(algorithm)=\" followed by 64 hex digits")
        }
        let name = value[..<separator].lowercased()
        guard name == algorithm else {
            throw WebhookError.invalidSignature(
                "the \(headerName) header must be signed with \(algorithm), found \"\(printable(name))=\""
            )
        }
        let digest = value.utf8[value.utf8.index(after: separator)...]
        guard digest.count == 64, digest.allSatisfy(isHexDigit) else {
            throw WebhookError.invalidSignature("the \(headerName) header must be \"\(algorithm)=\" followed by 64 hex digits")
        }
        let received = String(decoding: digest, as: UTF8.self).lowercased()
        let expected = Signature.hmacSHA256Hex(key: appSecret, data: body)
        guard Signature.constantTimeEquals(received, expected) else {
            throw WebhookError.invalidSignature("the \(headerName) signature does not match the request body (check the app secret)")
        }
    }

    /// The algorithm name as it may appear in an error: short, letters, digits and dashes only.
    private static func printable(_ name: String) -> String {
        let kept = name.unicodeScalars.prefix(16).filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") }
        return String(String.UnicodeScalarView(kept))
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"):
            true
        default:
            false
        }
    }
}
