import Brain
import Foundation
import Testing

/// Focused cases for the WordPiece tokenizer on the all-MiniLM-L6-v2 vocabulary. Expected ids
/// and tokens are what Hugging Face `tokenizers` 0.23.3 gives with the model's tokenizer.json.
@Suite struct TokenizerBehaviorTests {
    let tokenizer: WordPieceTokenizer

    init() throws {
        tokenizer = try TokenizerTestSupport.tokenizer()
    }

    /// The word pieces between `[CLS]` and `[SEP]`.
    private func pieces(_ text: String) -> [String] {
        let ids = tokenizer.encode(text)
        #expect(ids.first == tokenizer.classifierTokenID && ids.last == tokenizer.separatorTokenID)
        return TokenizerTestSupport.tokens(Array(ids.dropFirst().dropLast()), in: tokenizer)
    }

    @Test func specialTokenIDs() {
        #expect(tokenizer.classifierTokenID == 101)
        #expect(tokenizer.separatorTokenID == 102)
        #expect(tokenizer.paddingTokenID == 0)
        #expect(tokenizer.unknownTokenID == 100)
        #expect(tokenizer.vocabularySize == 30522)
        #expect(tokenizer.token(forID: 7592) == "hello")
        #expect(tokenizer.token(forID: 30522) == nil)
    }

    @Test func wrapsInClassifierAndSeparator() {
        #expect(tokenizer.encode("Do you open on Sundays?") == [101, 2079, 2017, 2330, 2006, 14803, 1029, 102])
    }

    @Test func lowercasesAndStripsAccents() {
        #expect(pieces("Café naïve Ångström Straße São Paulo")
            == ["cafe", "naive", "ang", "##strom", "st", "##raße", "sao", "paulo"])
        #expect(pieces("¿Qué?") == ["¿", "que", "?"])
    }

    @Test func decomposedAndPrecomposedAccentsAreEqual() {
        #expect(tokenizer.encode("cafe\u{301} nai\u{308}ve") == tokenizer.encode("café naïve"))
        #expect(tokenizer.encode("A\u{30A}ngstro\u{308}m") == tokenizer.encode("Ångström"))
    }

    @Test func lowercasesScalarByScalar() {
        // İ is I + combining dot in NFD; the dot is stripped. ı has no ASCII form.
        #expect(pieces("İstanbul ıstanbul ISTANBUL") == ["istanbul", "ı", "##stan", "##bu", "##l", "istanbul"])
        #expect(pieces("ẞ ß ßß") == ["ß", "ß", "ß", "##ß"])
        #expect(pieces("Σίσυφος") == ["σ", "##ι", "##σ", "##υ", "##φ", "##ος"])
        // Titlecase ǅ has no vocabulary entry; the Ohm and Kelvin signs are Ω and K under NFD.
        #expect(pieces("ǅ \u{2126} \u{212A}") == ["[UNK]", "ω", "k"])
    }

    @Test func spacesOutCJKIdeographsButNotKana() {
        #expect(pieces("東京タワー") == ["東", "京", "タ", "##ワ", "##ー"])
        #expect(tokenizer.encode("你好世界") == [101, 100, 100, 1745, 100, 102])
    }

    @Test func decomposesHangulIntoJamo() {
        #expect(pieces("안녕") == ["ᄋ", "##ᅡ", "##ᆫ", "##ᄂ", "##ᅧ", "##ᆼ"])
    }

    @Test func isolatesEachPunctuationCharacter() {
        #expect(pieces("hello,world!!! (yes)... $5+3=8")
            == ["hello", ",", "world", "!", "!", "!", "(", "yes", ")", ".", ".", ".", "$", "5", "+", "3", "=", "8"])
        #expect(pieces("«oui» — «non»") == ["«", "ou", "##i", "»", "—", "«", "non", "»"])
    }

    @Test func splitsWordsIntoContinuationPieces() {
        #expect(pieces("unaffable playing tokenization")
            == ["una", "##ffa", "##ble", "playing", "token", "##ization"])
        #expect(pieces("wordpiece uneatable") == ["word", "##piece", "une", "##atable"])
    }

    @Test func unknownWordsBecomeOneUnknownToken() {
        #expect(pieces("👍🏽🇫🇷") == ["[UNK]"])
        #expect(pieces("ﬁ ①") == ["ﬁ", "[UNK]"])
    }

    @Test func wordsOverOneHundredScalarsAreUnknown() {
        let hundred = tokenizer.encode(String(repeating: "a", count: 100))
        #expect(hundred.count == 52 && !hundred.contains(100))
        #expect(pieces(String(repeating: "b", count: 101)) == ["[UNK]"])
        // Counted after normalization: 101 "é" are 101 "e", 50 "ß" stay 50 scalars.
        #expect(pieces(String(repeating: "é", count: 101)) == ["[UNK]"])
        #expect(!pieces(String(repeating: "e\u{301}", count: 100)).contains("[UNK]"))
    }

    @Test func deletesControlAndInvisibleCharacters() {
        #expect(pieces("x\u{0}y") == ["x", "##y"])
        #expect(pieces("e\u{200B}\u{301}") == ["e"])
        #expect(tokenizer.encode("") == [101, 102])
        #expect(tokenizer.encode("   \t\n \u{200B}\u{FEFF}") == [101, 102])
        #expect(tokenizer.encode("a\u{A0}b\u{3000}c") == tokenizer.encode("a b c"))
    }

    @Test func specialTokensInTheTextAreRecognized() {
        #expect(tokenizer.encode("[CLS] [cls] x[SEP]y") == [101, 101, 1031, 18856, 2015, 1033, 1060, 102, 1061, 102])
        #expect(tokenizer.encode("[MASK][UNK][PAD]") == [101, 103, 100, 0, 102])
    }

    @Test func truncatesTo256IDsWithTheSeparatorLast() throws {
        let text = Array(repeating: "appointment", count: 400).joined(separator: " ")
        let ids = tokenizer.encode(text)
        #expect(ids.count == 256)
        #expect(ids.first == 101 && ids.last == 102)
        #expect(ids.dropFirst().dropLast().allSatisfy { $0 == 6098 })
        let full = tokenizer.encode(text, maxLength: 1000)
        #expect(full.count == 402)
        #expect(Array(full.prefix(255)) == Array(ids.prefix(255)))
    }

    @Test func truncatesInsideAWord() {
        // "unaffable" is three pieces; a limit of 4 keeps [CLS] una ##ffa [SEP].
        #expect(tokenizer.encode("unaffable", maxLength: 4) == [101, 14477, 20961, 102])
    }

    @Test(arguments: [-1, 0, 1, 2])
    func tinyLimitsKeepOnlyClassifierAndSeparator(maxLength: Int) {
        #expect(tokenizer.encode("hello world", maxLength: maxLength) == [101, 102])
    }

    @Test func batchKeepsOrder() {
        #expect(tokenizer.encode(batch: ["hello", "", "world"]) == [[101, 7592, 102], [101, 102], [101, 2088, 102]])
        #expect(tokenizer.encode(batch: []) == [])
    }
}
