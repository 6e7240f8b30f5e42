import Foundation

/// One word of a message as ``GibberishDetector`` sees it: its Latin letters, lower-cased, with
/// accents removed and letters repeated three or more times in a row ("sooooo") reduced to one.
struct GibberishWord {
    let letters: [Unicode.Scalar]

    init(letters: [Unicode.Scalar]) {
        var collapsed: [Unicode.Scalar] = []
        var index = 0
        while index < letters.count {
            var end = index
            while end + 1 < letters.count, letters[end + 1] == letters[index] { end += 1 }
            let run = end - index + 1
            collapsed.append(contentsOf: repeatElement(letters[index], count: run >= 3 ? 1 : run))
            index = end + 1
        }
        self.letters = collapsed
    }

    var vowelCount: Int { letters.filter(Self.isVowel).count }

    /// Laughter, interjections and elongations that are normal in chat: two letters of which
    /// exactly one is a vowel ("hahaha", "jajaja", "lololol", "ahahah"), "hmm"/"mhm", and the
    /// vowel-less laughs "rsrs" (Portuguese), "wkwk" (Indonesian) and "xdxd".
    var isExpressive: Bool {
        let distinct = Set(letters)
        if distinct.count == 1 { return true }
        if distinct.isSubset(of: ["h", "m"]) { return true }
        guard distinct.count == 2 else { return false }
        if distinct.filter(Self.isVowel).count == 1 { return true }
        return distinct == ["r", "s"] || distinct == ["w", "k"] || distinct == ["x", "d"]
    }

    /// The longest run of consonants, counting a doubled letter and the digraphs and trigraphs
    /// of European spelling (sch, ch, sh, th, ph, gh, ck, ng, sz, cz, rz, dz) as one sound.
    var longestConsonantRun: Int {
        let text = String(String.UnicodeScalarView(letters))
        var merged = text
        for (cluster, sound) in Self.clusters {
            merged = merged.replacingOccurrences(of: cluster, with: sound)
        }
        var longest = 0
        var current = 0
        var previous: Unicode.Scalar?
        for scalar in merged.unicodeScalars {
            if Self.isVowel(scalar) {
                current = 0
            } else if scalar != previous {
                current += 1
                longest = max(longest, current)
            }
            previous = scalar
        }
        return longest
    }

    /// Spelling clusters that stand for one consonant sound, replaced by one placeholder letter
    /// each (upper case, so they never form new clusters).
    static let clusters: [(String, String)] = [
        ("sch", "S"), ("ch", "C"), ("sh", "S"), ("th", "T"), ("ph", "F"), ("gh", "G"), ("ck", "K"),
        ("ng", "N"), ("sz", "S"), ("cz", "C"), ("rz", "Z"), ("dz", "D"),
    ]

    /// a e i o u y, and æ ø œ ı, which do not lose an accent to become one.
    static func isVowel(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a", "e", "i", "o", "u", "y", "\u{E6}", "\u{F8}", "\u{153}", "\u{131}": true
        default: false
        }
    }

    /// Letters of the Latin script: ASCII, Latin-1, Latin Extended-A/B and Additional.
    static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF: true
        default: false
        }
    }
}
