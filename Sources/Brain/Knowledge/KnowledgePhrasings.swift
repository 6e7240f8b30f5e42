import Foundation
import Synchronization

/// The learned phrasings of every tenant, in memory, for the knowledge base: loaded at start-up
/// and kept current by ``KnowledgeTeacher``. Each change bumps the tenant's version, so the
/// knowledge-base responder prepares the tenant's base again (embedding the new phrasing).
///
/// Learned phrasings are not part of the tenant's knowledge version: the semantic cache's model
/// answers stay valid when an agent teaches a phrasing.
public final class KnowledgePhrasings: Sendable {
    private struct Tenant {
        var version = 0
        var byEntry: [String: [LearnedPhrasing]] = [:]
    }

    private let tenants = Mutex<[String: Tenant]>([:])

    public init(_ phrasings: [LearnedPhrasing] = []) {
        tenants.withLock { tenants in
            for phrasing in phrasings { tenants[phrasing.tenantID, default: Tenant()].byEntry[phrasing.entryID, default: []].append(phrasing) }
        }
    }

    /// The tenant's version: changes whenever one of its phrasings is added or removed.
    public func version(tenantID: String) -> Int {
        tenants.withLock { $0[tenantID]?.version ?? 0 }
    }

    /// The learned texts of each entry of the tenant.
    public func texts(tenantID: String) -> [String: [String]] {
        tenants.withLock { $0[tenantID]?.byEntry.mapValues { $0.map(\.text) } ?? [:] }
    }

    /// `entries` with each one's learned phrasings after its own examples.
    public func applied(to entries: [KnowledgeEntry], tenantID: String) -> [KnowledgeEntry] {
        let learned = texts(tenantID: tenantID)
        guard !learned.isEmpty else { return entries }
        return entries.map { entry in
            var entry = entry
            for text in learned[entry.id] ?? [] where !entry.examples.contains(text) { entry.examples.append(text) }
            return entry
        }
    }

    func add(_ phrasing: LearnedPhrasing) {
        tenants.withLock { tenants in
            var tenant = tenants[phrasing.tenantID] ?? Tenant()
            if !(tenant.byEntry[phrasing.entryID] ?? []).contains(where: { $0.id == phrasing.id }) {
                tenant.byEntry[phrasing.entryID, default: []].append(phrasing)
                tenant.version += 1
            }
            tenants[phrasing.tenantID] = tenant
        }
    }

    func remove(_ phrasing: LearnedPhrasing) {
        tenants.withLock { tenants in
            guard var tenant = tenants[phrasing.tenantID] else { return }
            tenant.byEntry[phrasing.entryID]?.removeAll { $0.id == phrasing.id }
            tenant.version += 1
            tenants[phrasing.tenantID] = tenant
        }
    }
}
