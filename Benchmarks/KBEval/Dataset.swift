import Brain
import Foundation

/// A labelled evaluation file: businesses with their knowledge bases and customers' messages.
struct Dataset: Decodable {
    struct Business: Decodable {
        var id: String
        var name: String?
        var language: String?
        var knowledgeBase: [KnowledgeEntry]
        var messages: [Message]
    }

    struct Message: Decodable {
        var text: String
        var expect: [String]
        var kind: String?
    }

    var description: String?
    var businesses: [Business]

    var messageCount: Int { businesses.reduce(0) { $0 + $1.messages.count } }
    var answerableCount: Int { businesses.reduce(0) { $0 + $1.messages.filter { !$0.expect.isEmpty }.count } }

    static func load(_ file: URL) throws -> Dataset {
        let dataset = try JSONDecoder().decode(Dataset.self, from: Data(contentsOf: file))
        for business in dataset.businesses {
            let ids = Set(business.knowledgeBase.map(\.id))
            for message in business.messages {
                for id in message.expect where !ids.contains(id) {
                    throw EvalError("\(file.lastPathComponent): business \(business.id): a message expects \(id), which is not an entry")
                }
            }
        }
        return dataset
    }

    /// Embeds every entry text and message once.
    func prepare(embedder: (any Embedder)?, policy: KnowledgePolicy) async throws -> Prepared {
        var vectors: [String: [Float]] = [:]
        if let embedder {
            var texts = Set(businesses.flatMap { KnowledgeBase.textsToEmbed($0.knowledgeBase) + $0.messages.map(\.text) })
            for business in businesses {
                let base = KnowledgeBase(business.knowledgeBase)
                for message in business.messages { texts.formUnion(base.evidence(message.text).uncoveredWords) }
            }
            let sorted = Array(texts).sorted()
            for (text, vector) in zip(sorted, try await embedder.embed(sorted)) { vectors[text] = vector }
        }
        let rare = Set(vectors.keys.filter { !$0.contains(" ") && embedder?.knowsWord($0) == false })
        return Prepared(dataset: self, vectors: vectors, rareWords: rare, policy: policy)
    }
}

struct EvalError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A dataset with its vectors, ready to evaluate under any policy.
struct Prepared {
    var dataset: Dataset
    var vectors: [String: [Float]]
    var rareWords: Set<String>

    /// Each business's base, with every message's evidence.
    let evidence: [(base: KnowledgeBase, messages: [(Dataset.Message, KnowledgeEvidence)])]

    init(dataset: Dataset, vectors: [String: [Float]], rareWords: Set<String>, policy: KnowledgePolicy) {
        self.dataset = dataset
        self.vectors = vectors
        self.rareWords = rareWords
        evidence = dataset.businesses.map { business in
            let base = KnowledgeBase(business.knowledgeBase, vectors: vectors, policy: policy)
            return (base, business.messages.map { ($0, base.evidence($0.text, vector: vectors[$0.text], wordVectors: vectors, rareWords: rareWords)) })
        }
    }

    func evaluate(_ policy: KnowledgePolicy) -> EvalResult {
        var result = EvalResult()
        for (business, (base, messages)) in zip(dataset.businesses, evidence) {
            for (message, evidence) in messages {
                result.record(business: business.id, message: message, decision: base.decide(evidence, policy: policy))
            }
        }
        return result
    }

    /// Only the overall counts (no confusions): what the sweep needs, fast.
    func count(_ policy: KnowledgePolicy) -> EvalResult.Counts {
        var counts = EvalResult.Counts()
        for (base, messages) in evidence {
            for (message, evidence) in messages {
                let given = base.decide(evidence, policy: policy).entry?.id
                counts.add(answerable: !message.expect.isEmpty, answered: given != nil, right: given.map(message.expect.contains) ?? false)
            }
        }
        return counts
    }
}
