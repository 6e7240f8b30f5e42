/// Where a cached answer came from. Answers the business wrote (its knowledge base) start with a
/// lower threshold than answers a model generated.
public struct CacheEntrySource: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A knowledge-base entry: the business wrote the answer.
        case knowledgeBase = "knowledge_base"
        /// A model's answer that used no customer-specific context.
        case generated
    }

    public var kind: Kind
    /// The knowledge-base entry id, or the id of the reply that produced the answer.
    public var reference: String?

    public init(kind: Kind, reference: String? = nil) {
        self.kind = kind
        self.reference = reference
    }

    /// An answer from knowledge-base entry `id`.
    public static func knowledgeBase(_ id: String) -> CacheEntrySource {
        CacheEntrySource(kind: .knowledgeBase, reference: id)
    }

    /// A model's generic answer.
    public static let generated = CacheEntrySource(kind: .generated)

    public var description: String {
        reference.map { "\(kind.rawValue):\($0)" } ?? kind.rawValue
    }
}
