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
    /// One pass over the letters, clusters read greedily from the left.
    var longestConsonantRun: Int {
        var longest = 0
        var current = 0
        var previous: UInt32?
        var index = 0
        while index < letters.count {
            var sound = letters[index].value
            var width = 1
            if index + 2 < letters.count, letters[index] == "s", letters[index + 1] == "c", letters[index + 2] == "h" {
                sound = Self.clusterSound("s", "h")
                width = 3
            } else if index + 1 < letters.count, let cluster = Self.cluster(letters[index], letters[index + 1]) {
                sound = cluster
                width = 2
            }
            if width == 1, Self.isVowel(letters[index]) {
                current = 0
            } else if sound != previous {
                current += 1
                longest = max(longest, current)
            }
            previous = sound
            index += width
        }
        return longest
    }

    /// The sound of a two-letter consonant cluster, or nil when the pair is not one. Clusters
    /// that sound alike (sh, sz, sch) share a value outside the Unicode range.
    static func cluster(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt32? {
        switch (first, second) {
        case ("c", "h"), ("c", "z"): clusterSound("c", "h")
        case ("s", "h"), ("s", "z"): clusterSound("s", "h")
        case ("t", "h"): clusterSound("t", "h")
        case ("p", "h"): clusterSound("p", "h")
        case ("g", "h"): clusterSound("g", "h")
        case ("c", "k"): clusterSound("c", "k")
        case ("n", "g"): clusterSound("n", "g")
        case ("r", "z"): clusterSound("r", "z")
        case ("d", "z"): clusterSound("d", "z")
        default: nil
        }
    }

    static func clusterSound(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt32 {
        0x20_0000 + first.value << 8 + second.value
    }

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
