import ChannelKit
import Testing

@Suite struct TextSplitterTests {
    @Test func textThatFitsIsOnePart() {
        #expect(TextSplitter.split("Hello, world.", limit: 13) == ["Hello, world."])
        #expect(TextSplitter.split("Hello", limit: 500) == ["Hello"])
    }

    @Test func textThatFitsIsTrimmed() {
        #expect(TextSplitter.split("  \n Hello \n\n", limit: 5) == ["Hello"])
    }

    @Test func emptyOrBlankTextIsNoParts() {
        #expect(TextSplitter.split("", limit: 10) == [])
        #expect(TextSplitter.split(" \n\t \n", limit: 10) == [])
        #expect(TextSplitter.split("   ", limit: 1) == [])
    }

    @Test func theDocumentedExample() {
        #expect(TextSplitter.split("One. Two. Three.", limit: 10) == ["One. Two.", "Three."])
    }

    @Test func prefersAParagraphBreakToALaterLineBreak() {
        let text = "Intro text here.\n\nFirst line\nSecond line that is long"
        #expect(TextSplitter.split(text, limit: 40) == ["Intro text here.", "First line\nSecond line that is long"])
    }

    @Test func prefersALineBreakToALaterSentenceEnd() {
        let text = "A first line here\nThen a sentence. And more words follow"
        #expect(TextSplitter.split(text, limit: 40) == ["A first line here", "Then a sentence. And more words follow"])
    }

    @Test func prefersASentenceEndToALaterSpace() {
        let text = "This is one. This is two and more"
        #expect(TextSplitter.split(text, limit: 25) == ["This is one.", "This is two and more"])
    }

    @Test func sentenceEndsIncludeQuestionsExclamationsAndCJKFullStops() {
        #expect(TextSplitter.split("Is it here? It is not there", limit: 20) == ["Is it here?", "It is not there"])
        #expect(TextSplitter.split("Look at that! It is not there", limit: 20) == ["Look at that!", "It is not there"])
        #expect(TextSplitter.split("今日は晴れです。 明日は雨が降るでしょう", limit: 12) == ["今日は晴れです。", "明日は雨が降るでしょう"])
    }

    @Test func prefersASpaceToCuttingAWord() {
        #expect(TextSplitter.split("alpha beta gamma delta", limit: 12) == ["alpha beta", "gamma delta"])
    }

    @Test func cutsAWordLongerThanTheLimitBetweenCharacters() {
        #expect(TextSplitter.split("abcdefghijklmnopqrstuvwxyz", limit: 10) == ["abcdefghij", "klmnopqrst", "uvwxyz"])
    }

    @Test func ignoresABoundaryThatWouldLeaveATinyPart() {
        // The space after "Hi." lies in the window's first third: cutting there would leave "Hi.".
        #expect(TextSplitter.split("Hi. abcdefghijklmnopqrstuvwxyz", limit: 12) == ["Hi. abcdefgh", "ijklmnopqrst", "uvwxyz"])
    }

    @Test func aLimitOfOneGivesOneCharacterAPart() {
        #expect(TextSplitter.split("ab c", limit: 1) == ["a", "b", "c"])
    }

    @Test func neverSplitsEmojiFlagsCJKOrCombiningCharacters() {
        let family = "👨‍👩‍👧‍👦"
        let flag = "🇫🇷"
        let accented = "e\u{301}"
        let skinTone = "👍🏽"
        let text = String(repeating: family + flag + "漢字" + accented + skinTone + "Ａ", count: 20)
        let alphabet = Set(text)
        for limit in [1, 2, 3, 5, 7, 11] {
            let parts = TextSplitter.split(text, limit: limit)
            #expect(parts.joined() == text, "limit \(limit)")
            for part in parts {
                #expect(part.count <= limit, "limit \(limit): \(part)")
                #expect(Set(part).isSubset(of: alphabet), "limit \(limit): a character was split in \(part)")
            }
        }
    }

    @Test func countsCharactersNotScalarsOrBytes() {
        // 10 characters, many more scalars and UTF-8 bytes.
        let text = String(repeating: "👨‍👩‍👧‍👦", count: 10)
        #expect(TextSplitter.split(text, limit: 10) == [text])
        #expect(TextSplitter.split(text, limit: 5).count == 2)
    }

    @Test func manyGeneratedTextsKeepEveryRule() {
        var generator = SplitMix64(seed: 0x5EED)
        for sample in 0..<30 {
            let text = Self.generatedText(using: &generator)
            for limit in [1, 2, 3, 7, 16, 50, 160] {
                let parts = TextSplitter.split(text, limit: limit)
                let context = Comment(rawValue: "sample \(sample), limit \(limit)")
                for part in parts {
                    #expect(part.count <= limit, context)
                    #expect(!part.isEmpty, context)
                    #expect(part.first?.isWhitespace == false, context)
                    #expect(part.last?.isWhitespace == false, context)
                }
                // Only whitespace at the cuts may go.
                #expect(Self.withoutWhitespace(parts.joined()) == Self.withoutWhitespace(text), context)
                if text.count <= limit {
                    #expect(parts.count <= 1, context)
                }
            }
        }
    }

    @Test func aPeriodNotFollowedBySpaceIsNotASentenceEnd() {
        // "1." ends the first window, but the "5" after it shows it is a decimal point.
        #expect(TextSplitter.split("Version 1.5 is out", limit: 10) == ["Version", "1.5 is out"])
    }

    @Test func aCJKFullStopEndsASentenceWithoutASpace() {
        #expect(TextSplitter.split("今日は晴れです。明日は雨が降るでしょう", limit: 12) == ["今日は晴れです。", "明日は雨が降るでしょう"])
    }

    @Test func aLimitBelowOneCountsAsOne() {
        #expect(TextSplitter.split("ab", limit: 0) == ["a", "b"])
    }

    // MARK: Generated input

    /// Words of every kind the splitter meets, joined by every kind of boundary.
    private static let words = [
        "a", "to", "the", "gateway", "answers", "customers", "Hello", "world",
        "supercalifragilisticexpialidocious", "https://example.com/a/very/long/path?with=query",
        "👨‍👩‍👧‍👦", "🇯🇵", "👍🏽", "漢字", "こんにちは", "café", "cafe\u{301}", "naïve", "Ελληνικά", "3.14",
    ]
    private static let separators = [" ", " ", " ", " ", ". ", "! ", "? ", ", ", "\n", "\n\n", "。", "  ", "\t"]

    private static func generatedText(using generator: inout SplitMix64) -> String {
        let count = 5 + Int(generator.next() % 60)
        var text = ""
        for _ in 0..<count {
            text += words[Int(generator.next() % UInt64(words.count))]
            text += separators[Int(generator.next() % UInt64(separators.count))]
        }
        return text
    }

    private static func withoutWhitespace(_ text: String) -> String {
        String(text.filter { !$0.isWhitespace })
    }
}

/// A small deterministic pseudo-random generator (SplitMix64), so generated inputs are the same
/// on every run.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

}

@Suite struct TextSplitterLineEndingTests {
    @Test func windowsLineEndingsCountAsLineAndParagraphBreaks() {
        let lines = "First line is here\r\nsecond line is here too and long"
        #expect(TextSplitter.split(lines, limit: 30) == ["First line is here", "second line is here too and", "long"])
        let paragraphs = "Para one.\r\n\r\nPara two has words\r\nand more"
        #expect(TextSplitter.split(paragraphs, limit: 25).first == "Para one.")
    }
}
