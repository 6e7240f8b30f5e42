/// A tenant's knowledge base, prepared for matching.
public struct KnowledgeBase: Sendable {
    /// An entry that matched a question, with how well.
    public struct Match: Sendable, Hashable {
        public var entry: KnowledgeEntry
        /// 0…1; 1 is the same content words.
        public var score: Double
    }

    private struct Indexed: Sendable {
        var entry: KnowledgeEntry
        var questionTerms: Set<String>
        var keywordTerms: [Set<String>]
    }

    private let entries: [Indexed]

    public init(_ entries: [KnowledgeEntry]) {
        self.entries = entries.map {
            Indexed(entry: $0, questionTerms: TextMatcher.terms($0.question), keywordTerms: $0.keywords.map(TextMatcher.terms).filter { !$0.isEmpty })
        }
    }

    /// The best entry for `question` scoring at least `threshold`, or nil.
    ///
    /// The score is the Dice overlap of content words with the entry's question; a keyword (all
    /// its words present in the question) lifts it to at least 0.75.
    public func bestMatch(for question: String, threshold: Double) -> Match? {
        let terms = TextMatcher.terms(question)
        guard !terms.isEmpty else { return nil }
        var best: Match?
        for indexed in entries {
            var score = TextMatcher.similarity(terms, indexed.questionTerms)
            if indexed.keywordTerms.contains(where: { $0.isSubset(of: terms) }) {
                score = max(score, 0.75)
            }
            if score >= threshold, score > (best?.score ?? 0) {
                best = Match(entry: indexed.entry, score: score)
            }
        }
        return best
    }
}
