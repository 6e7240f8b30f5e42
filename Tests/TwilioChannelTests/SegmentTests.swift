import Testing
import TwilioChannel

@Suite struct SegmentTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var encoding: SMSSegments.Encoding
        var segments: Int
        var characters: Int
        var testDescription: String { name }
    }

    static func a(_ count: Int) -> String { String(repeating: "a", count: count) }
    static func cjk(_ count: Int) -> String { String(repeating: "日", count: count) }

    static let cases: [Case] = [
        Case(name: "empty", text: "", encoding: .gsm7, segments: 0, characters: 0),
        Case(name: "short", text: "Your table is booked.", encoding: .gsm7, segments: 1, characters: 21),
        Case(name: "160 GSM", text: a(160), encoding: .gsm7, segments: 1, characters: 160),
        Case(name: "161 GSM", text: a(161), encoding: .gsm7, segments: 2, characters: 161),
        Case(name: "306 GSM", text: a(306), encoding: .gsm7, segments: 2, characters: 306),
        Case(name: "307 GSM", text: a(307), encoding: .gsm7, segments: 3, characters: 307),
        Case(name: "euro makes 160 septets", text: a(158) + "€", encoding: .gsm7, segments: 1, characters: 159),
        Case(name: "euro makes 161 septets", text: a(159) + "€", encoding: .gsm7, segments: 2, characters: 160),
        Case(name: "escape pair not split", text: a(152) + "{" + a(152), encoding: .gsm7, segments: 3, characters: 305),
        Case(name: "escape pair fits the part", text: a(151) + "{" + a(153), encoding: .gsm7, segments: 2, characters: 305),
        Case(name: "80 euros", text: String(repeating: "€", count: 80), encoding: .gsm7, segments: 1, characters: 80),
        Case(name: "81 euros", text: String(repeating: "€", count: 81), encoding: .gsm7, segments: 2, characters: 81),
        Case(name: "all extension characters", text: "^{}\\[~]|€\u{0C}", encoding: .gsm7, segments: 1, characters: 10),
        Case(name: "GSM accents and Greek", text: "Café Ñ ü Δ Ω ¿ § à", encoding: .gsm7, segments: 1, characters: 18),
        Case(name: "CRLF is two septets, one character", text: a(158) + "\r\n", encoding: .gsm7, segments: 1, characters: 159),
        Case(name: "CRLF over the single limit", text: a(159) + "\r\n", encoding: .gsm7, segments: 2, characters: 160),
        Case(name: "lower-case c-cedilla is not GSM", text: "garçon", encoding: .ucs2, segments: 1, characters: 6),
        Case(name: "emoji", text: "See you soon 🙂", encoding: .ucs2, segments: 1, characters: 14),
        Case(name: "70 CJK", text: cjk(70), encoding: .ucs2, segments: 1, characters: 70),
        Case(name: "71 CJK", text: cjk(71), encoding: .ucs2, segments: 2, characters: 71),
        Case(name: "134 CJK", text: cjk(134), encoding: .ucs2, segments: 2, characters: 134),
        Case(name: "135 CJK", text: cjk(135), encoding: .ucs2, segments: 3, characters: 135),
        Case(name: "surrogate pair at the 67 boundary", text: cjk(66) + "😀" + cjk(66), encoding: .ucs2, segments: 3, characters: 133),
        Case(name: "surrogate pair inside the part", text: cjk(65) + "😀" + cjk(67), encoding: .ucs2, segments: 2, characters: 133),
        Case(name: "35 emoji fill one UCS-2 SMS", text: String(repeating: "😀", count: 35), encoding: .ucs2, segments: 1, characters: 35),
        Case(name: "36 emoji", text: String(repeating: "😀", count: 36), encoding: .ucs2, segments: 2, characters: 36),
        Case(name: "flag and ZWJ family are one character each", text: "🇫🇷👨‍👩‍👧", encoding: .ucs2, segments: 1, characters: 2),
        Case(name: "combining accent is UCS-2", text: "e\u{301}", encoding: .ucs2, segments: 1, characters: 1),
        Case(name: "one emoji turns a long GSM text to UCS-2", text: a(100) + "👍", encoding: .ucs2, segments: 2, characters: 101),
    ]

    @Test(arguments: cases)
    func counts(_ example: Case) {
        let result = SMSSegments.count(example.text)
        #expect(result.encoding == example.encoding)
        #expect(result.segments == example.segments)
        #expect(result.characters == example.characters)
    }

    @Test func limits() {
        #expect(SMSSegments.singleLimit(.gsm7) == 160)
        #expect(SMSSegments.partLimit(.gsm7) == 153)
        #expect(SMSSegments.singleLimit(.ucs2) == 70)
        #expect(SMSSegments.partLimit(.ucs2) == 67)
    }
}
