import Crypto
import Foundation

extension Signature {
    /// An ECDSA public key on the NIST P-256 curve, as providers publish the keys they sign
    /// webhooks with (SendGrid's signed Event Webhook): the DER `SubjectPublicKeyInfo`, base64.
    ///
    /// ```swift
    /// let key = try Signature.P256PublicKey(base64: settings.verificationKey)
    /// key.isValidSignature(signatureHeader, for: Data(timestamp.utf8) + body)
    /// ```
    public struct P256PublicKey: Hashable, Sendable {
        /// Why a text is not a P-256 public key.
        public struct FormatError: Error, Hashable, Sendable, CustomStringConvertible {
            /// What is wrong, without the key itself.
            public var reason: String

            public var description: String { reason }
        }

        /// The parsed key. swift-crypto 3 does not mark it `Sendable`, but it is an immutable value
        /// (its storage is never mutated after parsing), so sharing it across tasks is safe.
        private nonisolated(unsafe) let key: P256.Signing.PublicKey
        /// The key's DER `SubjectPublicKeyInfo`.
        public let derRepresentation: Data

        /// Reads a key from base64 of its DER `SubjectPublicKeyInfo` (whitespace ignored), or from
        /// the same in PEM (`-----BEGIN PUBLIC KEY-----` … `-----END PUBLIC KEY-----`).
        ///
        /// - Throws: ``FormatError`` when the text is not base64, or not a P-256 key.
        public init(base64 text: String) throws(FormatError) {
            let body = text
                .split(whereSeparator: \.isNewline)
                .filter { !$0.hasPrefix("-----") }
                .joined()
                .filter { !$0.isWhitespace }
            guard !body.isEmpty, let der = Data(base64Encoded: body) else {
                throw FormatError(reason: "expected the base64 of a DER SubjectPublicKeyInfo")
            }
            do {
                key = try P256.Signing.PublicKey(derRepresentation: der)
            } catch {
                throw FormatError(reason: "the value is base64 but not an ECDSA P-256 public key")
            }
            derRepresentation = der
        }

        /// Whether `signature` is this key's ECDSA signature with SHA-256 over `data`.
        ///
        /// - Parameter signature: the signature in base64: DER (`SEQUENCE { r, s }`, what OpenSSL
        ///   and SendGrid produce) or the raw 64-byte `r ‖ s` form. Anything unreadable is invalid.
        public func isValidSignature(_ signature: String, for data: Data) -> Bool {
            guard let bytes = Data(base64Encoded: signature.trimmingCharacters(in: .whitespaces)) else { return false }
            let parsed = (try? P256.Signing.ECDSASignature(derRepresentation: bytes))
                ?? (bytes.count == 64 ? try? P256.Signing.ECDSASignature(rawRepresentation: bytes) : nil)
            guard let parsed else { return false }
            return key.isValidSignature(parsed, for: data)
        }

        public static func == (lhs: P256PublicKey, rhs: P256PublicKey) -> Bool {
            lhs.derRepresentation == rhs.derRepresentation
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(derRepresentation)
        }
    }
}
