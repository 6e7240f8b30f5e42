import ChannelKit
import Foundation

/// Checks a request's `Content-Type`: absent, or `application/json` with an optional UTF-8 charset.
enum JSONContentType {
    /// - Throws: ``WebhookError/unsupportedMediaType(_:)`` (415) for any other media type or charset.
    static func check(_ headerValue: String?) throws(WebhookError) {
        guard let headerValue, !headerValue.allSatisfy(\.isWhitespace) else { return }
        var parts = headerValue.split(separator: ";", omittingEmptySubsequences: false).makeIterator()
        let mediaType = parts.next().map(normalized) ?? ""
        guard mediaType == "application/json" else {
            throw WebhookError.unsupportedMediaType("the body must be application/json, found \"\(mediaType.prefix(60))\"")
        }
        while let parameter = parts.next() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, normalized(pair[0]) == "charset" else { continue }
            let charset = normalized(pair[1]).trimmingCharacters(in: ["\""])
            guard charset == "utf-8" || charset == "utf8" else {
                throw WebhookError.unsupportedMediaType("the body must be UTF-8, found charset \"\(charset.prefix(40))\"")
            }
        }
    }

    private static func normalized(_ text: Substring) -> String {
        text.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
