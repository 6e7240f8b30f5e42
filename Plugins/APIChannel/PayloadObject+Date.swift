import ChannelKit
import Foundation

extension PayloadObject {
    /// An optional timestamp member: an ISO-8601 date-time with a time zone
    /// (`2024-05-01T12:30:00Z`, `2024-05-01T14:30:00.250+02:00`) or a number of Unix seconds.
    func date(_ key: String) throws(WebhookError) -> Date? {
        switch value(key) {
        case nil, .string("")?:
            return nil
        case .number(let seconds)?:
            guard (0...APIChannelLimits.maxTimestamp).contains(seconds) else {
                throw WebhookError.malformed(
                    "\"\(path(of: key))\" must be a number of Unix seconds (not milliseconds) between 1970 and 9999"
                )
            }
            return Date(timeIntervalSince1970: seconds)
        case .string(let text)?:
            guard let date = Self.iso8601Date(text) else {
                throw WebhookError.malformed(
                    "\"\(path(of: key))\" must be an ISO-8601 date-time with a time zone, such as 2024-05-01T12:30:00Z"
                )
            }
            return date
        case let other?:
            throw mistyped(key, expected: "an ISO-8601 string or a number of Unix seconds", found: other)
        }
    }

    /// Parses an internet date-time (RFC 3339), with or without fractional seconds.
    private static func iso8601Date(_ text: String) -> Date? {
        guard hasTimeZone(text) else { return nil }
        // Fractional first: a parser without them might read `12:30:00.250Z` and drop the `.250`.
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    /// Whether `text` ends in a time zone designator, `Z` or `±hh:mm`, so a local time is never
    /// taken for UTC by a lenient parser.
    private static func hasTimeZone(_ text: String) -> Bool {
        let tail = Array(text.utf8.suffix(6))
        if let last = tail.last, last == UInt8(ascii: "Z") || last == UInt8(ascii: "z") { return true }
        guard tail.count == 6, tail[0] == UInt8(ascii: "+") || tail[0] == UInt8(ascii: "-"), tail[3] == UInt8(ascii: ":") else {
            return false
        }
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        return [tail[1], tail[2], tail[4], tail[5]].allSatisfy(digits.contains)
    }
}
