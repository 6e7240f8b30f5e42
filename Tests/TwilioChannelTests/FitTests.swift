import Testing
import TwilioChannel

@Suite struct FitTests {
    static let sentences = (1...30).map { "Sentence number \($0) is here." }.joined(separator: " ")
    static let words = (1...120).map { "word\($0)" }.joined(separator: " ")
    static let emoji = (1...40).map { "Cake \($0) 🎂 is ready!" }.joined(separator: " ")
    static let mixed = "Our **opening hours** are 7–18 (that dash is not GSM). " + sentences + " Prices in € {see menu}."
    static let unbroken = String(repeating: "x", count: 700)

    @Test func keepsTextThatFits() {
        #expect(SMSSegments.fit("  We open at 7am.  ", maxSegments: 1) == "We open at 7am.")
    }

    @Test func cutsAtTheEndOfASentence() {
        let fitted = SMSSegments.fit(Self.sentences, maxSegments: 1)
        #expect(SMSSegments.count(fitted).segments == 1)
        #expect(fitted.hasSuffix("is here."))
        #expect(Self.sentences.hasPrefix(fitted))
        #expect(fitted.count > 120, "it uses most of the budget")
    }

    @Test func cutsAfterAWordWithAnEllipsis() {
        let fitted = SMSSegments.fit(Self.words, maxSegments: 2)
        #expect(SMSSegments.count(fitted).segments <= 2)
        #expect(fitted.hasSuffix("..."))
        let kept = String(fitted.dropLast(3))
        #expect(Self.words.hasPrefix(kept))
        #expect(Self.words.hasPrefix(kept + " "), "the cut is at a word boundary")
    }

    @Test(arguments: [1, 2, 3, 5, 10])
    func neverExceedsTheBudget(maxSegments: Int) {
        for text in [Self.sentences, Self.words, Self.emoji, Self.mixed, Self.unbroken, Self.sentences + Self.emoji] {
            let fitted = SMSSegments.fit(text, maxSegments: maxSegments)
            #expect(SMSSegments.count(fitted).segments <= maxSegments, "\(maxSegments) segments: \(fitted)")
            #expect(!fitted.isEmpty)
        }
    }

    @Test func aZeroBudgetGivesNothing() {
        #expect(SMSSegments.fit("Hello", maxSegments: 0) == "")
    }
}
