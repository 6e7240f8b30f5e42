/// Why an edit of a tenant's assistant or knowledge base was refused.
public enum TenantEditError: Error, Hashable, Sendable {
    /// The key's tenant is no longer in the configuration.
    case unknownTenant(String)
    /// A knowledge-base entry with this id exists already.
    case entryExists(String)
    /// The knowledge base has no entry with this id.
    case noSuchEntry(String)
    /// The knowledge base holds its maximum number of entries.
    case knowledgeBaseFull(limit: Int)
}
