/// SMS segment arithmetic: how many messages a text costs, and cutting a text to a budget.
///
/// A text every character of which is in the GSM 03.38 alphabet is sent as GSM-7: 160 septets in
/// one SMS, or 153 per part once concatenated (the rest of each part is the header that joins
/// them). Characters of the extension table (`^ { } \ [ ~ ] | €` and form feed) take two septets,
/// and an escape pair is never split across parts. Any other character makes the whole text
/// UCS-2: 70 UTF-16 code units in one SMS, 67 per part, a surrogate pair (an emoji) never split.
///
/// ```swift
/// SMSSegments.count("Your table is booked.")   // (.gsm7, segments: 1, characters: 21)
/// SMSSegments.count("See you soon 🙂")          // (.ucs2, segments: 1, characters: 14)
/// ```
///
/// Carriers and Twilio's optional Smart Encoding may substitute characters; the count assumes
/// the text is sent as written.
public enum SMSSegments {
    /// How an SMS text is encoded on the air.
    public enum Encoding: String, Hashable, Sendable {
        /// The GSM 03.38 7-bit alphabet.
        case gsm7
        /// UTF-16 (UCS-2 as carriers call it).
        case ucs2
    }

    /// Units (septets or UTF-16 code units) in a single, unsplit SMS.
    public static func singleLimit(_ encoding: Encoding) -> Int {
        encoding == .gsm7 ? 160 : 70
    }

    /// Units in each part of a concatenated SMS.
    public static func partLimit(_ encoding: Encoding) -> Int {
        encoding == .gsm7 ? 153 : 67
    }

    /// The encoding, the number of segments (0 for empty text) and the number of user-perceived
    /// characters (Swift `Character`s) of `text`.
    public static func count(_ text: String) -> (encoding: Encoding, segments: Int, characters: Int) {
        let (encoding, units) = encodedUnits(text)
        return (encoding, segments(units, encoding: encoding), text.count)
    }

    /// The encoding of `text` and the size of each of its characters in that encoding's units
    /// (septets or UTF-16 code units), one entry per Unicode scalar.
    static func encodedUnits(_ text: String) -> (Encoding, [Int]) {
        var septets: [Int] = []
        septets.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            guard let size = GSM7.septets(scalar) else {
                return (.ucs2, text.unicodeScalars.map { UTF16.width($0) })
            }
            septets.append(size)
        }
        return (.gsm7, septets)
    }

    /// The segments needed for characters of the given sizes: one when they fit a single SMS,
    /// else parts filled greedily without splitting a character.
    static func segments(_ units: [Int], encoding: Encoding) -> Int {
        let total = units.reduce(0, +)
        if total == 0 { return 0 }
        if total <= singleLimit(encoding) { return 1 }
        let limit = partLimit(encoding)
        var parts = 1
        var used = 0
        for size in units {
            if used + size > limit {
                parts += 1
                used = 0
            }
            used += size
        }
        return parts
    }
}
