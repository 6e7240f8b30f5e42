import Foundation

/// Phone numbers in the one form identity links compare: E.164, `+` then up to 15 digits.
///
/// ```swift
/// PhoneNumber.normalize("(415) 555-0100", defaultRegion: "US")   // "+14155550100"
/// PhoneNumber.normalize("+44 (0)7700 900123", defaultRegion: "GB") // "+447700900123"
/// PhoneNumber.normalize("client:alice", defaultRegion: "US")       // nil
/// ```
public enum PhoneNumber {
    /// Channel prefixes that carry a phone number (`whatsapp:+14155550100`, `tel:+1-415-…`).
    /// Any other prefix (`client:`, `sip:`) names something that is not a phone number.
    static let phoneSchemes: Set<String> = ["whatsapp", "tel", "sms", "voice"]

    /// Characters people and providers put between digits.
    static let separators: Set<Character> = [
        ".", "-", "(", ")", "/", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}",
    ]

    /// E.164 allows 15 digits; fewer than 8 (country code included) is not a reachable number here.
    static let digitCount = 8...15

    /// Normalizes a phone number to E.164, or returns nil if `raw` is not a plausible one.
    ///
    /// Accepts an international number (`+…`, `00…`, or the region's own international prefix such
    /// as `011` in the US), the `+44 (0)20…` convention, and a national number, which takes the
    /// country calling code of `defaultRegion` and loses its trunk prefix (`0`, or `1` in the
    /// NANP). Strips `whatsapp:`, `tel:`, `sms:` and `voice:` prefixes, spaces, dots, dashes,
    /// slashes and parentheses. Numbers with country code 1 must have the NANP shape.
    ///
    /// - Parameters:
    ///   - raw: the number as a channel or a person gave it.
    ///   - defaultRegion: the ISO 3166-1 alpha-2 region national numbers belong to (`"US"`).
    public static func normalize(_ raw: String, defaultRegion: String) -> String? {
        let region = CallingRegion.named(defaultRegion)
        let prefixes = ["00"] + (region.map { [$0.internationalPrefix] } ?? [])
        guard let dialled = removingScheme(from: raw), let scanned = scan(dialled, internationalPrefixes: prefixes) else {
            return nil
        }
        let digits = scanned.digits
        let international: Substring
        if scanned.hasPlus {
            international = digits[...]
        } else if let region, digits.hasPrefix(region.internationalPrefix) {
            international = digits.dropFirst(region.internationalPrefix.count)
        } else if digits.hasPrefix("00") {
            international = digits.dropFirst(2)
        } else if let region {
            var national = digits[...]
            if let trunk = region.trunkPrefix, national.hasPrefix(trunk) {
                national = national.dropFirst(trunk.count)
            }
            international = (region.callingCode + national)[...]
        } else {
            return nil
        }
        return isPlausible(international) ? "+" + international : nil
    }

    /// The text after a phone scheme (`whatsapp:`), without URI parameters; nil for other schemes.
    static func removingScheme(from raw: String) -> Substring? {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)[...]
        guard let colon = text.firstIndex(of: ":") else { return text }
        let scheme = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        guard phoneSchemes.contains(scheme) else { return nil }
        text = text[text.index(after: colon)...]
        if let end = text.firstIndex(where: { $0 == ";" || $0 == "?" }) {
            text = text[..<end]
        }
        return text
    }

    /// Whether the number began with `+`, and its ASCII digits; nil if it holds anything else.
    /// A `(0)` after an international prefix is the trunk prefix written for national callers and
    /// is dropped.
    static func scan(_ text: Substring, internationalPrefixes: [String]) -> (hasPlus: Bool, digits: String)? {
        var hasPlus = false
        var digits = ""
        var rest = text[...]
        while let character = rest.first {
            let isInternational = hasPlus || internationalPrefixes.contains { digits.count > $0.count && digits.hasPrefix($0) }
            if isInternational, !digits.isEmpty, rest.hasPrefix("(0)") {
                rest = rest.dropFirst(3)
                continue
            }
            if character == "+" || character == "\u{FF0B}" {
                guard !hasPlus, digits.isEmpty else { return nil }
                hasPlus = true
            } else if let digit = asciiDigit(character) {
                digits.append(digit)
            } else if !character.isWhitespace, !separators.contains(character) {
                return nil
            }
            rest = rest.dropFirst()
        }
        return digits.isEmpty ? nil : (hasPlus, digits)
    }

    /// A decimal digit of any script as its ASCII character (`٣` → `3`).
    static func asciiDigit(_ character: Character) -> Character? {
        guard character.unicodeScalars.count == 1,
              character.unicodeScalars.first?.properties.numericType == .decimal,
              let value = character.wholeNumberValue,
              let digit = String(value).first
        else { return nil }
        return digit
    }

    /// Checks the digits after `+`: a country code cannot start with 0, the length fits E.164,
    /// and a NANP number (country code 1) is `NXX NXX XXXX` with N from 2 to 9.
    static func isPlausible(_ digits: Substring) -> Bool {
        guard let first = digits.first, first != "0", digitCount.contains(digits.count) else { return false }
        guard first == "1" else { return true }
        let national = Array(digits.dropFirst())
        return national.count == 10 && national[0] >= "2" && national[3] >= "2"
    }
}
