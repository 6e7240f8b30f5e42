/// Which rule of ``GibberishDetector`` recognised a message as gibberish.
public enum GibberishSignal: String, Sendable, Hashable, CaseIterable {
    /// The whole message is one letter repeated (`aaaaaaaa`).
    case repeatedCharacter = "repeated_character"
    /// A run of adjacent keys on one keyboard row (`asdf`, `qwert`, `zxcv`, their reverses).
    case keyboardRun = "keyboard_run"
    /// A long word without a single vowel (`sdkjfh`).
    case noVowels = "no_vowels"
    /// A long run of consonants, or a shorter one in a word with almost no vowels.
    case consonantRun = "consonant_run"
    /// A long string made of very few different letters (`dfgdfgdfg`).
    case lowDiversity = "low_diversity"
    /// Far fewer vowels overall than any language written in Latin letters has.
    case lowVowelRatio = "low_vowel_ratio"
}
