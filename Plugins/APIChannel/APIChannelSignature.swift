import ChannelKit
import Foundation

/// The API channel's body signature: `X-Signature: sha256=<hex HMAC-SHA256(secret, body)>`.
///
/// The same scheme signs both directions: integrators sign the webhooks they send, the gateway
/// signs the replies it POSTs to the callback URL. The HMAC covers the body's exact bytes.
///
/// ```swift
/// let value = APIChannelSignature.headerValue(for: body, secret: secret) // "sha256=5c1f…"
/// try APIChannelSignature.verify(value, body: body, secret: secret)
/// ```
public enum APIChannelSignature {
    /// The header that carries the signature.
    public static let headerName = "X-Signature"
    /// The prefix before the hex digest.
    public static let prefix = "sha256="

    /// The `X-Signature` value for `body` signed with `secret`.
    public static func headerValue(for body: Data, secret: Secret) -> String {
        prefix + Signature.hmacSHA256Hex(key: secret, data: body)
    }

    /// Checks an `X-Signature` value against `body`, in constant time.
    ///
    /// - Parameter headerValue: the header as received, or nil when absent.
    /// - Throws: ``WebhookError/missingSignature(_:)`` when the header is absent or empty,
    ///   ``WebhookError/invalidSignature(_:)`` when it is not `sha256=` and 64 hex digits or
    ///   does not match the body.
    public static func verify(_ headerValue: String?, body: Data, secret: Secret) throws(WebhookError) {
        guard let value = headerValue?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            throw WebhookError.missingSignature(headerName)
        }
        guard value.utf8.starts(with: prefix.utf8) else {
            throw WebhookError.invalidSignature("the \(headerName) header must start with \"\(prefix)\"")
        }
        let digest = value.utf8.dropFirst(prefix.utf8.count)
        guard digest.count == 64, digest.allSatisfy(isHexDigit) else {
            throw WebhookError.invalidSignature("the \(headerName) header must be \"\(prefix)\" followed by 64 hex digits")
        }
        let received = String(decoding: digest, as: UTF8.self).lowercased()
        let expected = Signature.hmacSHA256Hex(key: secret, data: body)
        guard Signature.constantTimeEquals(received, expected) else {
            throw WebhookError.invalidSignature()
        }
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
