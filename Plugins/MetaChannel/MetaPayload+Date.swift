import ChannelKit
import Foundation

extension MetaPayload {
    /// The latest timestamp accepted, in Unix seconds (9999-12-31T23:59:59Z).
    static let maxUnixSeconds: Double = 253_402_300_799

    /// A required timestamp in Unix seconds, as WhatsApp sends it: a string of digits
    /// (`"1739321024"`) or a number.
    func unixSeconds(_ key: String) throws(WebhookError) -> Date {
        guard let seconds = try timestampNumber(key) else {
            throw WebhookError.malformed("\"\(path(of: key))\" must be a Unix timestamp in seconds, but it is missing")
        }
        guard (0...Self.maxUnixSeconds).contains(seconds) else {
            throw WebhookError.malformed("\"\(path(of: key))\" must be a Unix timestamp in seconds between 1970 and 9999")
        }
        return Date(timeIntervalSince1970: seconds)
    }

    /// An optional timestamp in Unix milliseconds, as Instagram sends it (`1569262485349`).
    func unixMilliseconds(_ key: String) throws(WebhookError) -> Date? {
        guard let milliseconds = try timestampNumber(key) else { return nil }
        guard (0...Self.maxUnixSeconds * 1000).contains(milliseconds) else {
            throw WebhookError.malformed("\"\(path(of: key))\" must be a Unix timestamp in milliseconds between 1970 and 9999")
        }
        return Date(timeIntervalSince1970: milliseconds / 1000)
    }

    /// A number member, or a string member holding only digits.
    private func timestampNumber(_ key: String) throws(WebhookError) -> Double? {
        switch value(key) {
        case nil:
            return nil
        case .number(let number)?:
            return number
        case .string(let text)?:
            guard !text.isEmpty, text.utf8.count <= 16, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let number = Double(text) else {
                throw WebhookError.malformed("\"\(path(of: key))\" must be a Unix timestamp of digits only")
            }
            return number
        case let other?:
            throw mistyped(key, expected: "a Unix timestamp", found: other)
        }
    }
}
