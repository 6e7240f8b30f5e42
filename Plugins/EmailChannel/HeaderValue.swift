import Foundation

/// A structured header value with parameters, as in `Content-Type` and `Content-Disposition`:
/// `text/plain; charset="iso-8859-1"; format=flowed`.
///
/// Parameter values may be quoted strings (backslash escapes undone) or tokens. RFC 2231's
/// extended parameters are read too: `filename*=utf-8''na%C3%AFve.pdf` and continuations
/// (`name*0=`, `name*1*=`); the result is the decoded text under the plain name.
public struct HeaderValue: Hashable, Sendable {
    /// The part before the first `;`, trimmed and lower-cased (`text/plain`, `attachment`).
    public var value: String
    /// The parameters by lower-cased name.
    public var parameters: [String: String]

    /// The most parameters read from one value.
    public static let maxParameters = 64

    public init(value: String, parameters: [String: String] = [:]) {
        self.value = value
        self.parameters = parameters
    }

    /// Parses a header's raw value.
    public init(parsing raw: String) {
        var segments = Self.splitOutsideQuotes(raw).makeIterator()
        value = (segments.next() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        var plain: [String: String] = [:]
        var extended: [String: [(index: Int, encoded: Bool, text: String)]] = [:]
        var count = 0
        while let segment = segments.next(), count < Self.maxParameters {
            guard let equals = segment.firstIndex(of: "=") else { continue }
            count += 1
            var name = segment[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let text = Self.unquote(segment[segment.index(after: equals)...].trimmingCharacters(in: .whitespaces))
            guard !name.isEmpty else { continue }
            // RFC 2231: "name*" is percent-encoded with a charset; "name*N" and "name*N*" are sections.
            var encoded = false
            if name.hasSuffix("*") {
                encoded = true
                name.removeLast()
            }
            if let star = name.firstIndex(of: "*"), let index = Int(name[name.index(after: star)...]) {
                extended[String(name[..<star]), default: []].append((index, encoded, text))
            } else if encoded {
                extended[name, default: []].append((0, true, text))
            } else if plain[name] == nil {
                plain[name] = text
            }
        }
        for (name, sections) in extended {
            plain[name] = Self.joinExtended(sections.sorted { $0.index < $1.index })
        }
        parameters = plain
    }

    /// The value of a parameter, by name in any letter case.
    public subscript(parameter name: String) -> String? {
        parameters[name.lowercased()]
    }

    /// Splits at semicolons that are not inside a quoted string.
    static func splitOutsideQuotes(_ raw: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in raw {
            if escaped {
                escaped = false
            } else if quoted && character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ";" && !quoted {
                parts.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        parts.append(current)
        return parts
    }

    /// A quoted string's content with its backslash escapes undone; a token as it is.
    static func unquote(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
        var result = ""
        var escaped = false
        for character in text.dropFirst().dropLast() {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The text of RFC 2231 sections in order: the first encoded section may start with
    /// `charset'language'`; encoded sections are percent-decoded, all bytes decoded in that charset.
    private static func joinExtended(_ sections: [(index: Int, encoded: Bool, text: String)]) -> String {
        var charset: String?
        var bytes: [UInt8] = []
        for (position, section) in sections.enumerated() {
            var text = Substring(section.text)
            if section.encoded && position == 0 {
                let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if pieces.count == 3 {
                    charset = pieces[0].isEmpty ? nil : String(pieces[0])
                    text = pieces[2]
                }
            }
            bytes += section.encoded ? percentDecoded(text) : Array(text.utf8)
        }
        return Charset.decode(bytes, charset: charset)
    }

    private static func percentDecoded(_ text: Substring) -> [UInt8] {
        let utf8 = Array(text.utf8)
        var out: [UInt8] = []
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let high = TransferEncoding.hexValue(utf8[index + 1]), let low = TransferEncoding.hexValue(utf8[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(utf8[index])
                index += 1
            }
        }
        return out
    }
}
