import Foundation

/// Recognises keyboard mashing ("asdfghjkl", "sdkjfh sdkjfh", "aaaaaaaa") with a few transparent
/// rules on the text; no model, no dictionary.
///
/// It errs on the side of letting messages through. It never flags: messages with fewer than
/// five Latin letters ("ok", "hi?"), numbers and order ids (words with digits are ignored),
/// emoji, URLs, email addresses and handles, text mostly in other scripts (Chinese, Cyrillic,
/// Arabic, Devanagari…), upper-case ids inside normal text, and chat laughter ("hahaha",
/// "jajaja", "kkkkk", "rsrs", "wkwk", "hmm").
///
/// The rules, on the remaining words of four letters or more (accents removed, "sooooo" → "so"):
/// - the whole message is one letter repeated: `aaaaaaa` (not k, w, x, z, m, h: "kkkkk" is
///   Brazilian laughter, "xxx" kisses, "zzz" sleep, "mmm", "hhh");
/// - at least half of the words are mashed: a keyboard run (`asdf`, `qwert`, `zxcv`, see
///   ``KeyboardRows``), six letters or more all from the home row with four consonants in a row
///   (`ajsdhk`), no vowel in six letters or more, seven consonant sounds in a row, five in a word
///   of eight letters or more with under 15 % vowels, or nine letters or more made of at most
///   three different letters (`dfgdfgdfg`);
/// - overall: under 15 % vowels over three words and twelve letters or more, or at most three
///   different letters over twenty or more.
public struct GibberishDetector: Sendable {
    public init() {}

    /// Whether `text` reads as keyboard mashing.
    public func isGibberish(_ text: String) -> Bool {
        signal(in: text) != nil
    }

    /// The rule that recognised `text` as gibberish, or nil for a normal message.
    public func signal(in text: String) -> GibberishSignal? {
        let words = text.split(whereSeparator: \.isWhitespace).compactMap(Self.wordLetters)
        let hasLowercase = text.contains(where: \.isLowercase)
        var latin: [Unicode.Scalar] = []
        var otherScripts = 0
        var candidates: [GibberishWord] = []
        for (letters, isUppercase) in words {
            let latinLetters = letters.filter(GibberishWord.isLatin)
            otherScripts += letters.count - latinLetters.count
            latin += latinLetters
            // Upper-case words inside normal text are ids and acronyms ("order QWXKZT").
            guard latinLetters.count == letters.count, !(isUppercase && hasLowercase && letters.count >= 2) else { continue }
            let word = GibberishWord(letters: latinLetters)
            if word.letters.count >= 4, !word.isExpressive { candidates.append(word) }
        }
        guard latin.count >= 5, otherScripts * 4 < latin.count + otherScripts else { return nil }

        if Set(latin).count == 1, let letter = latin.first, !"kwxzmh".unicodeScalars.contains(letter) {
            return .repeatedCharacter
        }
        let signals = candidates.compactMap(Self.signal(of:))
        if let first = signals.first, signals.count * 2 >= candidates.count {
            return first
        }
        let letters = candidates.flatMap(\.letters)
        if candidates.count >= 3, letters.count >= 12, Double(letters.filter(GibberishWord.isVowel).count) < 0.15 * Double(letters.count) {
            return .lowVowelRatio
        }
        if letters.count >= 20, Set(letters).count <= 3 {
            return .lowDiversity
        }
        return nil
    }

    /// Whether one word is mashed, and by which rule.
    static func signal(of word: GibberishWord) -> GibberishSignal? {
        let count = word.letters.count
        let vowels = word.vowelCount
        let run = word.longestConsonantRun
        if KeyboardRows.containsRun(String(String.UnicodeScalarView(word.letters))) { return .keyboardRun }
        if count >= 6, run >= 4, word.letters.allSatisfy(KeyboardRows.homeRow.contains) { return .keyboardRun }
        if vowels == 0, count >= 6 { return .noVowels }
        if run >= 7 || (run >= 5 && count >= 8 && Double(vowels) < 0.15 * Double(count)) { return .consonantRun }
        if count >= 9, Set(word.letters).count <= 3 { return .lowDiversity }
        return nil
    }

    /// The letters of one white-space separated word (lower-cased, accents removed) and whether
    /// it was written in upper case; nil for words that are not prose: anything with a digit,
    /// URLs, paths, domains, email addresses, handles and hashtags.
    static func wordLetters(_ word: Substring) -> (letters: [Unicode.Scalar], isUppercase: Bool)? {
        let trimmed = word.trimmingCharacters(in: punctuationAndSymbols)
        if trimmed.contains(where: \.isNumber) || word.hasPrefix("@") || word.hasPrefix("#") { return nil }
        if trimmed.contains(where: { $0 == "@" || $0 == "/" || $0 == "." || $0 == ":" || $0 == "_" || $0 == "=" }) { return nil }
        let letters = trimmed.filter(\.isLetter)
        guard !letters.isEmpty else { return nil }
        let isUppercase = !letters.contains(where: \.isLowercase)
        let lowered = letters.lowercased()
        // Only text with accents needs decomposing (a costly call); ASCII is already bare.
        guard !lowered.utf8.allSatisfy({ $0 < 0x80 }) else { return (Array(lowered.unicodeScalars), isUppercase) }
        let base = lowered.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.properties.generalCategory != .nonspacingMark
        }
        return (Array(base), isUppercase)
    }

    /// Built once: on Linux a union of character sets is costly to make.
    private static let punctuationAndSymbols = CharacterSet.punctuationCharacters.union(.symbols)
}
