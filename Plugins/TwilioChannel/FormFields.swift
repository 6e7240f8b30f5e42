import ChannelKit
import Foundation

/// `application/x-www-form-urlencoded` text, read and written as Twilio speaks it.
///
/// Twilio's webhooks post forms (`MessageSid=SM…&Body=Hello+there`) and its REST API takes them.
/// Decoding reads `+` as a space and `%XX` as UTF-8 bytes; encoding escapes everything except the
/// unreserved characters `A–Z a–z 0–9 - . _ ~`.
enum FormFields {
    /// The fields of a form body, decoded, in order (repeated names kept).
    ///
    /// - Throws: 400 `malformed_payload` when the body is not UTF-8 or a `%` escape is invalid.
    static func decode(_ body: Data) throws(WebhookError) -> [(name: String, value: String)] {
        guard let text = String(data: body, encoding: .utf8) else {
            throw WebhookError.malformed("the form body is not UTF-8")
        }
        var fields: [(name: String, value: String)] = []
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try decodeComponent(halves[0])
            let value = halves.count > 1 ? try decodeComponent(halves[1]) : ""
            fields.append((name, value))
        }
        return fields
    }

    /// The fields as a dictionary of first values.
    static func firstValues(_ fields: [(name: String, value: String)]) -> [String: String] {
        var values: [String: String] = [:]
        for field in fields where values[field.name] == nil {
            values[field.name] = field.value
        }
        return values
    }

    /// Encodes fields as a form body, in the order given.
    static func encode(_ fields: [(name: String, value: String)]) -> Data {
        let text = fields.map { encodeComponent($0.name) + "=" + encodeComponent($0.value) }.joined(separator: "&")
        return Data(text.utf8)
    }

    private static func decodeComponent(_ text: Substring) throws(WebhookError) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        guard let decoded = spaced.removingPercentEncoding else {
            throw WebhookError.malformed("the form body has an invalid percent escape")
        }
        return decoded
    }

    private static func encodeComponent(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    /// The string with `0`s in front up to `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
