import Foundation

/// A tenant's knowledge base, prepared for answering: one decision, over each entry's
/// phrasings (its question, examples and learned phrasings) *and* its answer, that can say no.
///
/// For a question, every entry gets four pieces of evidence (see ``KnowledgePolicy``): the
/// embedding cosine with its closest phrasing and with its answer, BM25 over its words, and the
/// share of the question's content words it covers. Their weighted sum ranks the entries. The
/// best one answers only if all of these hold:
/// 1. the question is not about the customer's own affairs and names no order number, code,
///    email or phone (``QuestionSignature``);
/// 2. its score reaches the policy's threshold (or its phrasing cosine is, in effect, one of
///    its phrasings);
/// 3. it leads the next entry with another answer by the policy's margin;
/// 4. every content word of the question that is not a frame word ("price", "policy",
///    "tomorrow", ``KnowledgeText/frameStems``) is covered by the entry: said in a phrasing, a
///    keyword or the answer (stemmed, a typo allowed, a weekday inside a range it names, a word
///    of the same key-term group): "cats" against an entry about dogs, "root canal" against
///    whitening, "Brazil" against a list of countries without it are refused;
/// 5. the question and the entry agree on negation.
///
/// ```swift
/// let texts = KnowledgeBase.textsToEmbed(entries)
/// let base = KnowledgeBase(entries, vectors: Dictionary(uniqueKeysWithValues: zip(texts, try await embedder.embed(texts))))
/// let decision = base.decide("do you take cigna?", vector: try await embedder.embed(["do you take cigna?"])[0])
/// decision.entry?.id      // "insurance"
/// ```
public struct KnowledgeBase: Sendable {
    struct Indexed: Sendable {
        var entry: KnowledgeEntry
        var answerKey: String
        var phrasingTerms: [String: Double]
        var answerTerms: [String: Double]
        var length: Double
        var covered: Set<String>
        var groups: Set<String>
        var questionNegated: Bool
        var answerNegated: Bool
        var phrasingVectors: [[Float]]
        /// The answer's vector, then each of its sentences' when it has several.
        var answerVectors: [[Float]]
        /// The vectors of the entry's own content words (not frame words), for telling a word
        /// the entry lacks that names a sibling of one it has ("cats" beside "dogs").
        var wordVectors: [[Float]]
    }

    public var policy: KnowledgePolicy
    let entries: [Indexed]
    let documentFrequency: [String: Int]
    let averageLength: Double

    /// The texts whose vectors ``init(_:vectors:policy:)`` uses: every entry's question,
    /// examples and answer, and each of their content words, each once.
    public static func textsToEmbed(_ entries: [KnowledgeEntry]) -> [String] {
        var seen = Set<String>()
        var texts: [String] = []
        for entry in entries {
            for text in [entry.question] + entry.examples + [entry.answer] where seen.insert(text).inserted {
                texts.append(text)
            }
        }
        for entry in entries {
            for sentence in sentences(of: entry.answer) where seen.insert(sentence).inserted { texts.append(sentence) }
            for word in contentWords(of: entry) where seen.insert(word).inserted { texts.append(word) }
        }
        return texts
    }

    /// The sentences of an answer that has more than one ("We ship to Canada. Orders over $50
    /// ship free."): a question about one fact is closest to its sentence.
    static func sentences(of answer: String) -> [String] {
        // A sentence ends at . ! ? ; followed by a space (not in "8.30" or "e.g.x").
        var sentences: [String] = []
        var current = ""
        var previous: Character?
        for character in answer {
            if character == " ", let previous, ".!?;".contains(previous) {
                let sentence = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if sentence.count > 2 { sentences.append(sentence) }
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        let last = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if last.count > 2 { sentences.append(last) }
        return sentences.count > 1 ? sentences : []
    }

    /// The words of an entry that name something (content words that are not frame words), as written.
    static func contentWords(of entry: KnowledgeEntry) -> [String] {
        var seen = Set<String>()
        return ([entry.question] + entry.examples + entry.keywords + [entry.answer]).flatMap(KnowledgeText.words)
            .filter { !KnowledgeText.frameStems.contains($0.stem) && !$0.text.allSatisfy(\.isNumber) && seen.insert($0.text).inserted }
            .map(\.text)
    }

    /// - Parameters:
    ///   - entries: The tenant's entries, learned phrasings already among their examples.
    ///   - vectors: Embeddings of ``textsToEmbed(_:)`` by the embedder the questions will be
    ///     embedded with; empty without a model.
    ///   - policy: Defaults to ``KnowledgePolicy/semantic`` with vectors, ``KnowledgePolicy/lexical`` without.
    public init(_ entries: [KnowledgeEntry], vectors: [String: [Float]] = [:], policy: KnowledgePolicy? = nil) {
        self.policy = policy ?? (vectors.isEmpty ? .lexical : .semantic)
        var frequency: [String: Int] = [:]
        var indexed: [Indexed] = []
        for entry in entries {
            let phrasings = [entry.question] + entry.examples
            var phrasingTerms: [String: Double] = [:]
            for stem in phrasings.flatMap(KnowledgeText.stems) + entry.keywords.flatMap(KnowledgeText.stems) {
                phrasingTerms[stem, default: 0] += 1
            }
            // Examples repeat the question's words: count each word at most twice from phrasings.
            phrasingTerms = phrasingTerms.mapValues { min($0, 2) }
            var answerTerms: [String: Double] = [:]
            for stem in KnowledgeText.stems(entry.answer) { answerTerms[stem, default: 0] += 1 }
            let tokens = (phrasings + entry.keywords + [entry.answer]).map(KnowledgeText.tokens)
            var covered = Set(phrasingTerms.keys).union(answerTerms.keys)
            for day in tokens.reduce(into: Set<Int>(), { $0.formUnion(KnowledgeText.coveredWeekdays($1)) }) {
                covered.insert(KnowledgeText.weekdayStem(day))
            }
            for stem in covered { frequency[stem, default: 0] += 1 }
            indexed.append(Indexed(
                entry: entry,
                answerKey: SemanticCacheIndex.comparable(entry.answer),
                phrasingTerms: phrasingTerms,
                answerTerms: answerTerms,
                length: phrasingTerms.values.reduce(0, +) + 0.5 * answerTerms.values.reduce(0, +),
                covered: covered,
                groups: Self.groups(tokens),
                questionNegated: QuestionSignature(entry.question).isNegated,
                answerNegated: QuestionSignature(entry.answer).isNegated,
                phrasingVectors: phrasings.compactMap { vectors[$0] },
                answerVectors: ([entry.answer] + Self.sentences(of: entry.answer)).compactMap { vectors[$0] },
                wordVectors: Self.contentWords(of: entry).compactMap { vectors[$0] }
            ))
        }
        self.entries = indexed
        self.documentFrequency = frequency
        self.averageLength = indexed.isEmpty ? 1 : max(1, indexed.map(\.length).reduce(0, +) / Double(indexed.count))
    }

    /// The key-term groups (``KeyTermLexicon``) that words and two-word phrases of the texts belong to.
    static func groups(_ texts: [[String]]) -> Set<String> {
        var groups = Set<String>()
        for tokens in texts {
            for index in tokens.indices {
                if let term = KeyTermLexicon.term(tokens[index]), term.kind != .ignored { groups.insert(term.group) }
                if index + 1 < tokens.count, let term = KeyTermLexicon.term(tokens[index] + " " + tokens[index + 1]), term.kind != .ignored {
                    groups.insert(term.group)
                }
            }
        }
        return groups
    }

    /// How many entries the base holds.
    public var count: Int { entries.count }
}
