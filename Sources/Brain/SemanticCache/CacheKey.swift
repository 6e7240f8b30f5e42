/// One phrasing that leads to a cached answer: the question as asked, its L2-normalized
/// embedding and its signature. An entry holds one key per known paraphrase; a knowledge-base
/// entry starts with its question and the paraphrases the business wrote.
public struct CacheKey: Sendable, Hashable, Codable {
    public var question: String
    public var vector: [Float]
    public var signature: QuestionSignature

    /// `vector` is L2-normalized here, so callers may pass any non-zero embedding.
    public init(question: String, vector: [Float], signature: QuestionSignature? = nil) {
        self.question = question
        self.vector = CacheVectors.normalized(vector)
        self.signature = signature ?? QuestionSignature(question)
    }
}
