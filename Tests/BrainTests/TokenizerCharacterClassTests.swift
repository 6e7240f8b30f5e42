import Foundation
import Testing

@testable import Brain

/// Checks the shortcuts the basic tokenizer takes against the Unicode data they stand for, on
/// every code point, so a new Swift or Foundation cannot silently break them.
@Suite struct TokenizerCharacterClassTests {
    /// Every Unicode scalar.
    static let allScalars: [Unicode.Scalar] = (0 ... 0x10FFFF).compactMap { Unicode.Scalar(UInt32($0)) }

    @Test func scalarsTakenAsUnchangedByNFDAre() {
        var wrong: [String] = []
        for scalar in Self.allScalars where BasicTokenizer.isUnchangedByNFD(scalar) {
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            if Array(decomposed) != [scalar] || scalar.properties.canonicalCombiningClass != .notReordered {
                wrong.append("U+" + String(scalar.value, radix: 16, uppercase: true))
            }
        }
        #expect(wrong.isEmpty, "NFD changes or reorders \(wrong.prefix(20))")
    }

    @Test func otherLettersHaveNoLowercase() {
        let cased = Self.allScalars.filter {
            BasicTokenizer.isCaseless($0.properties.generalCategory) && $0.properties.changesWhenLowercased
        }
        #expect(cased.isEmpty)
    }

    @Test func whitespaceByCategoryIsTheWhiteSpaceProperty() {
        let wrong = Self.allScalars.filter {
            BasicTokenizer.isWhitespace($0, category: $0.properties.generalCategory) != $0.properties.isWhitespace
        }
        #expect(wrong.isEmpty)
    }

    @Test func categoryChangesSinceUnicode8AreHandled() {
        func category(_ value: UInt32) -> Unicode.GeneralCategory {
            Unicode.Scalar(value)!.properties.generalCategory
        }
        func stripped(_ value: UInt32) -> Bool {
            BasicTokenizer.isStrippedMark(Unicode.Scalar(value)!, category: category(value))
        }
        func punctuation(_ value: UInt32) -> Bool {
            BasicTokenizer.isPunctuation(Unicode.Scalar(value)!, category: category(value))
        }
        #expect(stripped(0x0301) && stripped(0x1734) && stripped(0x1171E))
        #expect(!stripped(0x1885) && !stripped(0xA9BD) && !stripped(0x111C9))
        #expect(punctuation(0x166D) && punctuation(0x111C9) && punctuation(0x3002) && punctuation(0x24))
        #expect(!punctuation(0x2E43) && !punctuation(0x20AC))  // new in Unicode 9.0; a currency sign
        #expect(BasicTokenizer.isCJKIdeograph(Unicode.Scalar(0x2B81F)!))
        #expect(!BasicTokenizer.isCJKIdeograph(Unicode.Scalar(0x2B820)!))
    }
}
