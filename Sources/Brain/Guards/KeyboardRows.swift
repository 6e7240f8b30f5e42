/// Runs of adjacent keys on one keyboard row, the mark of a hand dragged across a keyboard.
///
/// Home and bottom rows count from four keys (no word in the languages we serve contains
/// `asdf`, `hjkl` or `zxcv`); the top rows only from five, because `wert`, `erty` and `ertz` occur in
/// real words (Bewertung, liberty, Hertz). QWERTY, QWERTZ and AZERTY layouts, both directions.
enum KeyboardRows {
    static let runs: Set<String> = {
        var runs = Set<String>()
        func add(_ row: String, length: Int) {
            let keys = Array(row)
            guard keys.count >= length else { return }
            for start in 0...(keys.count - length) {
                let run = String(keys[start..<(start + length)])
                runs.insert(run)
                runs.insert(String(run.reversed()))
            }
        }
        for row in ["asdfghjkl", "qsdfghjklm", "zxcvbnm", "yxcvbnm", "wxcvbn"] { add(row, length: 4) }
        for row in ["qwertyuiop", "qwertzuiop"] { add(row, length: 5) }
        for run in ["azert", "zerty"] { runs.insert(run) }
        return runs
    }()

    /// The letters of the QWERTY home row: its only vowel is `a`, so a word typed from it alone
    /// with four consonants in a row (`ajsdhk`) is mashing.
    static let homeRow: Set<Unicode.Scalar> = ["a", "s", "d", "f", "g", "h", "j", "k", "l"]

    /// The names of the layouts themselves are words.
    static let layoutNames: Set<String> = ["qwerty", "qwertz", "azerty"]

    /// Whether `word` (lower-case ASCII letters) contains a keyboard run.
    static func containsRun(_ word: String) -> Bool {
        guard !layoutNames.contains(word) else { return false }
        let characters = Array(word)
        for length in [4, 5] where characters.count >= length {
            for start in 0...(characters.count - length)
            where runs.contains(String(characters[start..<(start + length)])) {
                return true
            }
        }
        return false
    }
}
