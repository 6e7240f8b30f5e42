/// The character classes BERT's normalizer and pre-tokenizer test, as Hugging Face `tokenizers`
/// decides them.
///
/// `tokenizers` takes the general categories it tests (other, punctuation, nonspacing mark)
/// from tables of Unicode 8.0, and everything else (whitespace, lowercase, NFD) from a current
/// Unicode. So a category test here is today's category limited to characters that Unicode 8.0
/// had, plus the few characters whose category changed since. When this was written, every code
/// point (alone, and between letters and combining marks) tokenized as `tokenizers` 0.23.3 does;
/// the fixture sentences of `scripts/semantic/reference_tokens.py` keep checking the common cases.
extension BasicTokenizer {
    /// The Unicode version of the category tables `tokenizers` uses.
    private static let categoryTablesVersion: Unicode.Version = (major: 8, minor: 0)

    /// True when `scalar` was assigned by the Unicode version of `tokenizers`' category tables.
    @inline(__always)
    private static func existedInCategoryTables(_ scalar: Unicode.Scalar) -> Bool {
        guard let age = scalar.properties.age else { return false }
        return age.major < categoryTablesVersion.major
            || (age.major == categoryTablesVersion.major && age.minor <= categoryTablesVersion.minor)
    }

    /// Characters clean-up deletes: NUL, U+FFFD, and "other" characters (control, format,
    /// private use) other than tab, line feed and carriage return, which are whitespace.
    static func isRemovedByCleanUp(_ scalar: Unicode.Scalar, category: Unicode.GeneralCategory) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00, 0xFFFD: return true
        default: break
        }
        switch category {
        case .control, .privateUse: return true
        case .format: return existedInCategoryTables(scalar)
        default: return false
        }
    }

    /// Whitespace as Rust's `char::is_whitespace` (the Unicode `White_Space` property): the
    /// clean-up maps it to a space and the pre-tokenizer splits on it.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar, category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control:
            return scalar.properties.isWhitespace
        default:
            return false
        }
    }

    /// CJK ideographs, which the normalizer surrounds with spaces so each becomes a word.
    ///
    /// These are the blocks `tokenizers` lists; note that it skips U+2B820…U+2B91F
    /// (Extension E's first code points).
    static func isCJKIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF, 0xF900 ... 0xFAFF,
            0x20000 ... 0x2A6DF, 0x2A700 ... 0x2B73F, 0x2B740 ... 0x2B81F,
            0x2B920 ... 0x2CEAF, 0x2F800 ... 0x2FA1F:
            return true
        default:
            return false
        }
    }

    /// Nonspacing marks, which accent stripping deletes after NFD.
    static func isStrippedMark(_ scalar: Unicode.Scalar, category: Unicode.GeneralCategory) -> Bool {
        switch scalar.value {
        // Nonspacing marks in Unicode 8.0 that are spacing marks today.
        case 0x1734, 0x1171E: return true
        // Letters, spacing marks or punctuation in Unicode 8.0 that are nonspacing marks today.
        case 0x1885, 0x1886, 0xA9BD, 0x111C9: return false
        default: return category == .nonspacingMark && existedInCategoryTables(scalar)
        }
    }

    /// Punctuation the pre-tokenizer isolates: every ASCII symbol (`$`, `+`, `<`, `=`, `>`, `^`,
    /// `` ` ``, `|`, `~` included) and every character of a punctuation category.
    static func isPunctuation(_ scalar: Unicode.Scalar, category: Unicode.GeneralCategory) -> Bool {
        switch scalar.value {
        case 33 ... 47, 58 ... 64, 91 ... 96, 123 ... 126: return true
        case 0 ..< 128: return false
        // Punctuation in Unicode 8.0 that is a symbol or a nonspacing mark today.
        case 0x166D, 0x111C9: return true
        default: break
        }
        switch category {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return existedInCategoryTables(scalar)
        default:
            return false
        }
    }

    /// True when no letter of this category has a lowercase mapping, so lowercasing can skip
    /// the lookup. Only `otherLetter` (CJK, kana, Hangul, Arabic, Hebrew, Thai…) is listed.
    @inline(__always)
    static func isCaseless(_ category: Unicode.GeneralCategory) -> Bool {
        category == .otherLetter
    }

    /// Scalars that NFD leaves alone and that have canonical combining class 0, so text made of
    /// ASCII and these alone needs no NFD pass. A fast path for common scripts and symbols, not
    /// a complete list; a test checks every scalar it accepts.
    static func isUnchangedByNFD(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0000 ... 0x00BF,  // ASCII, Latin-1 punctuation and symbols, no-break space
            0x0391 ... 0x03A9, 0x03B1 ... 0x03C9,  // Greek letters without accents
            0x0410 ... 0x0418, 0x041A ... 0x0438, 0x043A ... 0x044F,  // Russian letters but Й й
            0x05D0 ... 0x05EA,  // Hebrew letters
            0x0627 ... 0x064A,  // Arabic letters without hamza
            0x0E01 ... 0x0E37, 0x0E3F ... 0x0E47, 0x0E4C ... 0x0E5B,  // Thai but its tone marks
            0x2002 ... 0x2064,  // general punctuation: quotes, dashes, bullets, zero-width space
            0x20A0 ... 0x20C0,  // currency signs
            0x2460 ... 0x27BF,  // enclosed numbers, box drawing, symbols, dingbats
            0x3000 ... 0x3029, 0x3030 ... 0x303F,  // CJK punctuation
            0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF,  // CJK ideographs
            0xFE00 ... 0xFE0F,  // variation selectors
            0xFF01 ... 0xFFBE,  // fullwidth and halfwidth forms
            0x1F000 ... 0x1FAFF,  // emoji and pictographs
            0x20000 ... 0x2A6DF:  // CJK ideographs, extension B
            return true
        default:
            return false
        }
    }

    /// Scalars whose canonical decomposition `tokenizers`' NFD does not apply.
    ///
    /// U+11938 DIVES AKURU VOWEL SIGN O decomposes to U+11935 U+11930 since Unicode 13.0,
    /// but `tokenizers` keeps it whole. It is a starter, so NFD can run on either side of it.
    @inline(__always)
    static func isKeptWhole(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x11938
    }
}
