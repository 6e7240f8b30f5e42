import Synchronization

/// Answers from the tenant's knowledge base by text matching; has no answer otherwise.
///
/// Each tenant's base is prepared for matching once per version: a message's tenant snapshot
/// shares its entries' storage with the directory until an admin edits them, so telling whether
/// the prepared base is current costs one identity comparison.
public final class KnowledgeBaseResponder: Responder {
    private struct Prepared {
        var entries: [KnowledgeEntry]
        var base: KnowledgeBase
    }

    private let prepared: Mutex<[String: Prepared]>

    /// Prepares every tenant's knowledge base now (later versions are prepared when first used).
    public init(tenants: TenantDirectory) {
        prepared = Mutex(Dictionary(
            tenants.all.map { ($0.id, Prepared(entries: $0.knowledgeBase, base: KnowledgeBase($0.knowledgeBase))) },
            uniquingKeysWith: { first, _ in first }
        ))
    }

    public func answer(_ context: ResponderContext) async throws -> ResponderAnswer? {
        guard let match = base(for: context.tenant).bestMatch(for: context.question, threshold: context.tenant.assistant.matchThreshold) else {
            return nil
        }
        return ResponderAnswer(text: match.entry.answer, source: "knowledge_base:\(match.entry.id)", isGeneric: true)
    }

    private func base(for tenant: TenantProfile) -> KnowledgeBase {
        if let current = prepared.withLock({ $0[tenant.id] }), current.entries == tenant.knowledgeBase {
            return current.base
        }
        let base = KnowledgeBase(tenant.knowledgeBase)
        prepared.withLock { $0[tenant.id] = Prepared(entries: tenant.knowledgeBase, base: base) }
        return base
    }
}
