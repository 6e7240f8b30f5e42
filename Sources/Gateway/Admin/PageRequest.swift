import Foundation
import Hummingbird

/// `?limit=` and `?cursor=` of a list request; the cursor is opaque to clients (base64url of
/// the position after which the next page starts).
struct PageRequest {
    static let defaultLimit = 50
    static let maxLimit = 100

    var limit: Int
    /// The decoded cursor's parts, or nil on the first page.
    var cursor: [String]?

    init(_ request: Request) throws {
        let query = request.uri.queryParameters
        if let raw = query["limit"] {
            guard let limit = Int(String(raw)), (1...Self.maxLimit).contains(limit) else {
                throw AdminAPIError.validation("limit", "limit must be an integer from 1 to \(Self.maxLimit)")
            }
            self.limit = limit
        } else {
            self.limit = Self.defaultLimit
        }
        if let raw = query["cursor"] {
            guard let parts = Self.decode(String(raw)) else {
                throw AdminAPIError.validation("cursor", "the cursor is not one this API gave out")
            }
            self.cursor = parts
        } else {
            self.cursor = nil
        }
    }

    /// The cursor for the page after `parts` (the last item's position).
    static func encode(_ parts: [String]) -> String {
        Data(parts.joined(separator: "\u{1F}").utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    private static func decode(_ text: String) -> [String]? {
        guard !text.isEmpty, text.count <= 512 else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let decoded = String(data: data, encoding: .utf8) else { return nil }
        return decoded.components(separatedBy: "\u{1F}")
    }
}
