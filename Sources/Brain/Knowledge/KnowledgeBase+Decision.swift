import Foundation

extension KnowledgeBase {
    /// The entry that answers `question`, or why none does; see the type's documentation.
    ///
    /// - Parameters:
    ///   - question: The customer's message as written.
    ///   - vector: Its embedding by the embedder that made the base's vectors, or nil (words only).
    ///   - threshold: Replaces the policy's threshold (the tenant's `matchThreshold`).
    ///   - wordVectors: Embeddings of single words of the question that entries do not cover
    ///     (``KnowledgeEvidence/uncoveredWords``), by the same embedder; without them such a word
    ///     counts as naming something else whenever the policy allows no uncovered word.
    ///   - rareWords: Which of those words the embedder does not know as common words (brands,
    ///     insurers, places): such a word the entry lacks names something else.
    public func decide(
        _ question: String, vector: [Float]? = nil, wordVectors: [String: [Float]] = [:], rareWords: Set<String> = [],
        threshold: Double? = nil
    ) -> KnowledgeDecision {
        var policy = policy
        if let threshold { policy.threshold = threshold }
        return decide(evidence(question, vector: vector, wordVectors: wordVectors, rareWords: rareWords), policy: policy)
    }

    /// What the base knows of `question` before any number of the policy is applied: a refusal
    /// that needs no scores (personal, identifiers, nothing to match), or every entry's evidence.
    public func evidence(
        _ question: String, vector: [Float]? = nil, wordVectors: [String: [Float]] = [:], rareWords: Set<String> = []
    ) -> KnowledgeEvidence {
        let signature = QuestionSignature(question)
        if signature.personalMarker != nil, let marker = policy.personalStrict ? signature.personalMarker : SignatureExtractor.statusOrRequestMarker(question) {
            return KnowledgeEvidence(refusal: .personal(marker: marker))
        }
        let identifiers = signature.identifiers.filter { id in ["ref:", "code:", "email:", "phone:", "url:"].contains(where: id.hasPrefix) }
        if !identifiers.isEmpty { return KnowledgeEvidence(refusal: .identifiers(identifiers.sorted())) }
        let words = KnowledgeText.words(question)
        let usableVector = vector.flatMap { $0.isEmpty ? nil : $0 }
        guard !entries.isEmpty, !words.isEmpty || usableVector != nil else { return KnowledgeEvidence(refusal: .empty) }
        let query = Query(words: words, base: self)
        let names = rareWords.union(KnowledgeText.namedWords(question))
        return KnowledgeEvidence(candidates: entries.map {
            candidate(for: $0, query: query, vector: usableVector, wordVectors: wordVectors, names: names, negated: signature.isNegated)
        })
    }

    /// The decision `policy` makes on `evidence`.
    public func decide(_ evidence: KnowledgeEvidence, policy: KnowledgePolicy) -> KnowledgeDecision {
        if let refusal = evidence.refusal { return .refused(refusal) }
        var candidates = evidence.candidates
        for index in candidates.indices { candidates[index].score = policy.score(candidates[index]) }
        candidates.sort { $0.score > $1.score }
        let top = Array(candidates.prefix(3))
        guard let best = candidates.first else { return .refused(.empty, top) }
        let phrasedAlike = best.phrasing >= policy.phrasingAlone
        guard best.score >= policy.threshold || phrasedAlike else {
            return .refused(.belowThreshold(score: best.score, needed: policy.threshold), top)
        }
        if let rival = candidates.dropFirst().first(where: { $0.answerKey != best.answerKey }),
           best.score - rival.score < policy.margin, !(phrasedAlike && rival.phrasing < policy.phrasingAlone) {
            return .refused(.ambiguous(runnerUp: rival.entry.id, margin: best.score - rival.score), top)
        }
        if best.uncovered.count > policy.uncoveredAllowed || best.sibling >= policy.siblingThreshold || best.coverage < policy.minimumCoverage {
            return .refused(.uncovered(words: best.uncovered), top)
        }
        if best.negationDiffers { return .refused(.negation, top) }
        return KnowledgeDecision(entry: best.entry, refusal: nil, candidates: top)
    }

    /// The question's words with their weights (inverse document frequency in the base; frame
    /// words count less) and key-term groups.
    struct Query {
        struct Term {
            var stem: String
            var text: String
            var weight: Double
            var isFrame: Bool
            var group: String?
            /// A weekday or a number: covered only by the same one.
            var isExact: Bool
        }

        var terms: [Term]
        var totalWeight: Double

        init(words: [KnowledgeText.Word], base: KnowledgeBase) {
            var seen = Set<String>()
            var terms: [Term] = []
            let count = Double(base.entries.count)
            for word in words where seen.insert(word.stem).inserted {
                // A word no entry says weighs as much as one only one entry says: a name or a
                // signature ("Ada") should not outweigh the words that match.
                let frequency = Double(max(base.documentFrequency[word.stem] ?? 0, 1))
                let idf = log(1 + (count - frequency + 0.5) / (frequency + 0.5))
                let isFrame = KnowledgeText.frameStems.contains(word.stem)
                let group = KeyTermLexicon.term(word.text).flatMap { $0.kind == .ignored ? nil : $0.group }
                let isExact = word.stem.hasPrefix(KnowledgeText.weekdayPrefix) || word.stem.contains(where: \.isNumber)
                terms.append(Term(stem: word.stem, text: word.text, weight: isFrame ? 0.3 * idf : idf, isFrame: isFrame, group: group, isExact: isExact))
            }
            self.terms = terms
            self.totalWeight = terms.reduce(0) { $0 + $1.weight }
        }
    }

    /// One entry's evidence and fused score.
    func candidate(
        for indexed: Indexed, query: Query, vector: [Float]?, wordVectors: [String: [Float]], names: Set<String>, negated: Bool
    ) -> KnowledgeDecision.Candidate {
        let k1 = 1.2, b = 0.75
        var bm25 = 0.0
        var coveredWeight = 0.0
        var uncovered: [String] = []
        var uncoveredExact = false
        let norm = k1 * (1 - b + b * indexed.length / averageLength)
        for term in query.terms {
            let frequency = (indexed.phrasingTerms[term.stem] ?? 0) + 0.5 * (indexed.answerTerms[term.stem] ?? 0)
            if frequency > 0 { bm25 += term.weight * frequency * (k1 + 1) / (frequency + norm) }
            if covers(indexed, term) {
                coveredWeight += term.weight
            } else if !term.isFrame {
                uncovered.append(term.text)
                if term.isExact { uncoveredExact = true }
            }
        }
        let lexical = query.totalWeight > 0 ? min(1, bm25 / query.totalWeight) : 0
        let coverage = query.totalWeight > 0 ? coveredWeight / query.totalWeight : 0
        var phrasing = 0.0
        var answer = 0.0
        if let vector {
            for key in indexed.phrasingVectors where key.count == vector.count {
                phrasing = max(phrasing, Double(CacheVectors.dot(vector, key)))
            }
            for key in indexed.answerVectors where key.count == vector.count {
                answer = max(answer, Double(CacheVectors.dot(vector, key)))
            }
        }
        // A word the entry lacks that is close to one it has names a sibling: another animal,
        // country, treatment. A name (a rare or capitalized word) the entry lacks names
        // something else, and so does a word without a vector.
        // A weekday or number the entry does not say is always something else.
        var sibling = uncoveredExact ? 1.0 : 0.0
        for word in uncovered where sibling < 1 {
            if wordVectors.isEmpty, !names.contains(word) { continue }  // words only: the count rule decides
            guard !names.contains(word), let wordVector = wordVectors[word] else { sibling = 1; break }
            for key in indexed.wordVectors where key.count == wordVector.count {
                sibling = max(sibling, Double(CacheVectors.dot(wordVector, key)))
            }
        }
        return KnowledgeDecision.Candidate(
            entry: indexed.entry, score: 0, phrasing: phrasing, answer: answer, lexical: lexical, coverage: coverage,
            uncovered: uncovered, sibling: sibling,
            negationDiffers: negated ? !(indexed.questionNegated || indexed.answerNegated) : indexed.questionNegated,
            answerKey: indexed.answerKey
        )
    }

    /// Whether the entry says the term: the same stem, a typo of one (five letters or more), a
    /// shared beginning of six letters or of most of the shorter word, or the same key-term
    /// group ("reservation" / "book").
    func covers(_ indexed: Indexed, _ term: Query.Term) -> Bool {
        if indexed.covered.contains(term.stem) { return true }
        // Weekdays and numbers are exact: Monday is not a typo of Sunday, nor 15 of 150.
        guard !term.isExact else { return false }
        if let group = term.group, indexed.groups.contains(group) { return true }
        guard term.stem.count >= 5 else { return false }
        for stem in indexed.covered where stem.count >= 5 && !stem.hasPrefix(KnowledgeText.weekdayPrefix) {
            if ContentWords.isSlip(term.stem, stem) { return true }
            // A shared beginning of most of the shorter word: "international" / "internationally",
            // "tratais" / "tratamiento" (Spanish and French verbs change their endings).
            let shared = zip(term.stem, stem).prefix { $0 == $1 }.count
            if shared >= 6 || (shared >= 4 && Double(shared) >= 0.7 * Double(min(term.stem.count, stem.count))) { return true }
        }
        return false
    }
}
