/// A piece of a question as ``SignatureExtractor`` reads it.
struct SignatureToken: Sendable, Equatable {
    enum Kind: Sendable { case word, number, symbol }

    var text: String
    var kind: Kind
    /// No space before it ("7pm": `pm` is attached to `7`).
    var attached: Bool
    /// First token after sentence punctuation (. ? ! , ;) or at the start.
    var startsClause: Bool

    /// 0–9 only (`isNumber` also accepts other scripts' digits and fractions).
    static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }

    /// Splits normalized text into words (letters with inner apostrophes and hyphens: "don't",
    /// "gluten-free"), numbers (digits with inner `. , : / -` between digits: "12.50",
    /// "2025-03-15", "19:30") and the symbols that matter (`# $ € £ ¥ % & @ + -`). Other
    /// punctuation separates tokens.
    ///
    /// Works on Unicode scalars with an ASCII fast path: the text is already lower-cased and
    /// folded, so grapheme clusters buy nothing here.
    static func tokenize(_ text: String) -> [SignatureToken] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [SignatureToken] = []
        var index = 0
        var attached = false
        var clauseStart = true
        func append(_ range: Range<Int>, _ kind: Kind) {
            let piece = scalars[range]
            let text: String
            if piece.allSatisfy(\.isASCII) {
                text = String(decoding: piece.map { UInt8(truncatingIfNeeded: $0.value) }, as: UTF8.self)
            } else {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: piece)
                text = String(view)
            }
            tokens.append(SignatureToken(text: text, kind: kind, attached: attached, startsClause: clauseStart))
            attached = true
            clauseStart = false
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if isLetter(scalar) {
                var end = index + 1
                while end < scalars.count {
                    if isLetter(scalars[end]) {
                        end += 1
                    } else if scalars[end] == "'" || scalars[end] == "-", end + 1 < scalars.count, isLetter(scalars[end + 1]) {
                        end += 2
                    } else {
                        break
                    }
                }
                append(index..<end, .word)
                index = end
            } else if isDigit(scalar) {
                var end = index + 1
                while end < scalars.count {
                    if isDigit(scalars[end]) {
                        end += 1
                    } else if ".,:/-".unicodeScalars.contains(scalars[end]), end + 1 < scalars.count, isDigit(scalars[end + 1]) {
                        end += 2
                    } else {
                        break
                    }
                }
                append(index..<end, .number)
                index = end
            } else if "#$€£¥%&@+-".unicodeScalars.contains(scalar) {
                append(index..<(index + 1), .symbol)
                index += 1
            } else {
                if ".?!,;:".unicodeScalars.contains(scalar) { clauseStart = true }
                index += 1
                attached = false
            }
        }
        return tokens
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (0x61...0x7A).contains(scalar.value) || (0x41...0x5A).contains(scalar.value) }
        return scalar.properties.isAlphabetic && !scalar.properties.isWhitespace
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(scalar.value)
    }
}
