import ChannelKit
import Foundation

/// The signed token that names an anonymous web chat visitor: `visitorID.issuedAt.signature`,
/// the signature an HMAC-SHA256 over the channel id, visitor id and issue time. The widget keeps
/// it in local storage; whoever holds it continues that visitor's conversation.
public struct VisitorToken: Hashable, Sendable {
    public var visitorID: String
    public var issuedAt: Date

    public init(visitorID: String, issuedAt: Date) {
        self.visitorID = visitorID
        self.issuedAt = issuedAt
    }

    /// A new random visitor id: `v_` and 22 URL-safe characters (128 bits).
    public static func newVisitorID() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let encoded = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return "v_" + encoded
    }

    /// The token's text, signed with `key` for `channelID`.
    public func encoded(channelID: String, key: Secret) -> String {
        let issued = Int64(issuedAt.timeIntervalSince1970)
        return "\(visitorID).\(issued).\(Self.signature(channelID: channelID, visitorID: visitorID, issued: issued, key: key))"
    }

    /// Reads a token the gateway issued for `channelID`; nil when it is malformed, forged, made
    /// for another channel, from the future or older than `maxAge`.
    public static func verify(_ text: String, channelID: String, key: Secret, maxAge: TimeInterval, now: Date = Date()) -> VisitorToken? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard text.utf8.count <= 256, parts.count == 3, isVisitorID(parts[0]), let issued = Int64(parts[1]) else { return nil }
        let visitorID = String(parts[0])
        let expected = signature(channelID: channelID, visitorID: visitorID, issued: issued, key: key)
        guard Signature.constantTimeEquals(String(parts[2]), expected) else { return nil }
        let age = now.timeIntervalSince1970 - Double(issued)
        guard age >= -300, age <= maxAge else { return nil }
        return VisitorToken(visitorID: visitorID, issuedAt: Date(timeIntervalSince1970: Double(issued)))
    }

    private static func signature(channelID: String, visitorID: String, issued: Int64, key: Secret) -> String {
        Signature.hmacSHA256Hex(key: key, data: Data("webchat-token/1\n\(channelID)\n\(visitorID)\n\(issued)".utf8))
    }

    private static func isVisitorID(_ text: Substring) -> Bool {
        text.hasPrefix("v_") && (3...64).contains(text.count)
            && text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-") }
    }
}
