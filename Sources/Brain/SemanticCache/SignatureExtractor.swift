import Foundation

/// Reads a ``QuestionSignature`` out of a question, in four passes over the normalized text:
/// emails and URLs (whitespace-separated chunks), phone numbers (runs of digits and separators),
/// then numbers, amounts, dates, times and codes (tokens), then negation, key terms and personal
/// markers (words).
struct SignatureExtractor {
    var identifiers = Set<String>()
    var numbers = Set<String>()

    /// The status or request marker of `question` (``PersonalMarkers/statusOrRequestMarker(in:)``), or nil.
    static func statusOrRequestMarker(_ question: String) -> String? {
        var extractor = SignatureExtractor()
        var text = normalize(question)
        text = extractor.takeEmailsAndURLs(text)
        text = extractor.takePhoneNumbers(text)
        let words = SignatureToken.tokenize(text).filter { $0.kind == .word }
        return PersonalMarkers.statusOrRequestMarker(in: words.map { PersonalMarkers.Word(text: $0.text, startsClause: $0.startsClause) })
    }

    static func extract(_ question: String) -> QuestionSignature {
        var extractor = SignatureExtractor()
        var text = normalize(question)
        text = extractor.takeEmailsAndURLs(text)
        text = extractor.takePhoneNumbers(text)
        let tokens = SignatureToken.tokenize(text)
        extractor.readNumbers(tokens)
        let words = tokens.filter { $0.kind == .word }
        let keyTerms = Self.keyTerms(words.map(\.text))
        return QuestionSignature(
            identifiers: extractor.identifiers,
            numbers: extractor.numbers,
            isNegated: isNegated(tokens),
            actions: keyTerms.actions,
            attributes: keyTerms.attributes,
            contentWords: keyTerms.contentWords,
            personalMarker: PersonalMarkers.marker(in: words.map { PersonalMarkers.Word(text: $0.text, startsClause: $0.startsClause) }),
            form: QuestionForm.of(words.map(\.text))
        )
    }

    /// Lower-cased, accents folded, typographic quotes made plain, "a.m."/"p.m." made "am"/"pm".
    static func normalize(_ question: String) -> String {
        var text = question.lowercased()
        if !text.utf8.allSatisfy({ $0 < 0x80 }) {  // folding is slow: only when there is something to fold
            text = text.folding(options: .diacriticInsensitive, locale: nil)
            for (from, to) in [("\u{2019}", "'"), ("\u{2018}", "'"), ("\u{00B4}", "'"), ("\u{201C}", "\""), ("\u{201D}", "\"")]
            where text.contains(from) {
                text = text.replacingOccurrences(of: from, with: to)
            }
        }
        if text.contains(Character("`")) { text = text.replacingOccurrences(of: "`", with: "'") }
        if text.contains(Character(".")) {
            for (from, to) in [("a.m.", "am"), ("p.m.", "pm")] where text.contains(from) {
                text = text.replacingOccurrences(of: from, with: to)
            }
        }
        return text
    }

    /// Reads numbers, amounts, percentages, dates, times, days and codes from the tokens.
    mutating func readNumbers(_ tokens: [SignatureToken]) {
        var reader = NumberReader(tokens: tokens)
        reader.read()
        identifiers.formUnion(reader.identifiers)
        numbers.formUnion(reader.numbers)
    }

    // MARK: - Negation

    static func isNegated(_ tokens: [SignatureToken]) -> Bool {
        for (index, token) in tokens.enumerated() where token.kind == .word {
            let word = token.text
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            if word == "no" || word == "nr", next?.kind == .number { continue }  // "no. 5": a number sign
            if SignatureVocabulary.negations.contains(word) || word.hasSuffix("n't") || word.hasPrefix("n'")
                || word.hasPrefix("non-") {
                return true
            }
            if let next, next.kind == .word, SignatureVocabulary.negationPhrases.contains("\(word) \(next.text)") {
                return true
            }
        }
        return false
    }

    // MARK: - Key terms

    /// Key terms (longest phrase first) and content words of the words of a question.
    static func keyTerms(_ words: [String]) -> (actions: Set<String>, attributes: Set<String>, contentWords: Set<String>) {
        var actions = Set<String>()
        var attributes = Set<String>()
        var contentWords = Set<String>()
        var index = 0
        while index < words.count {
            var matched: (term: KeyTermLexicon.Term, length: Int)?
            let longest = KeyTermLexicon.phraseStarts.contains(words[index]) ? min(KeyTermLexicon.longestPhrase, words.count - index) : 1
            for length in stride(from: longest, through: 1, by: -1) {
                let phrase = length == 1 ? words[index] : words[index..<(index + length)].joined(separator: " ")
                if let term = KeyTermLexicon.term(phrase) ?? (length == 1 ? stemmedTerm(phrase) : nil) {
                    matched = (term, length)
                    break
                }
            }
            guard let (term, length) = matched else {
                if let content = contentWord(words[index]) { contentWords.insert(content) }
                index += 1
                continue
            }
            switch term.kind {
            case .action: actions.insert(term.group)
            case .attribute: attributes.insert(term.group)
            case .ignored: break
            }
            if term.kind != .ignored { contentWords.insert(term.group) }
            index += length
        }
        return (actions, attributes, contentWords)
    }

    /// A word that is not a key term, as a content word: nil for function words, negations,
    /// numbers, days and months (compared as identifiers).
    private static func contentWord(_ word: String) -> String? {
        if SignatureVocabulary.negations.contains(word) || word.hasSuffix("n't") || word.hasPrefix("n'")
            || SignatureVocabulary.days[word] != nil || SignatureVocabulary.months[word] != nil
            || SignatureVocabulary.numberWords[word] != nil || SignatureVocabulary.ordinalWords[word] != nil
            || SignatureVocabulary.currencyWords[word] != nil || ["am", "pm", "st", "nd", "rd", "th"].contains(word) {
            return nil
        }
        return ContentWords.normalized(word)
    }

    /// A word not in the lexicon as written: without a possessive `'s`, or a plural or verb ending.
    private static func stemmedTerm(_ word: String) -> KeyTermLexicon.Term? {
        guard word.count > 3, !ContentWords.stopWords.contains(word) else { return nil }
        var candidates: [String] = []
        if word.hasSuffix("'s") { candidates.append(String(word.dropLast(2))) }
        for suffix in ["s", "es", "ed", "d", "ing"] where word.hasSuffix(suffix) {
            candidates.append(String(word.dropLast(suffix.count)))
        }
        if word.hasSuffix("ing") { candidates.append(String(word.dropLast(3)) + "e") }
        return candidates.lazy.compactMap { KeyTermLexicon.term($0) }.first
    }
}
