/// Answers from the tenant's knowledge base by text matching; has no answer otherwise.
public struct KnowledgeBaseResponder: Responder {
    private let bases: [String: KnowledgeBase]

    /// Prepares every tenant's knowledge base once.
    public init(tenants: TenantDirectory) {
        self.bases = Dictionary(uniqueKeysWithValues: tenants.all.map { ($0.id, KnowledgeBase($0.knowledgeBase)) })
    }

    public func answer(_ context: ResponderContext) async throws -> ResponderAnswer? {
        guard let base = bases[context.tenant.id],
              let match = base.bestMatch(for: context.question, threshold: context.tenant.assistant.matchThreshold)
        else { return nil }
        return ResponderAnswer(text: match.entry.answer, source: "knowledge_base:\(match.entry.id)", isGeneric: true)
    }
}
