import Foundation
import Logging

/// Edits a tenant's assistant and knowledge base for the admin API: stores the change with its
/// audit entry, puts it in the live ``TenantDirectory`` (the next message is answered with it),
/// and refreshes the tenant's semantic cache, whose answers were made from the old version.
///
/// Edits run one at a time, in the order they arrive, each to the end (also when the request
/// that asked for it goes away), so two admins editing at once never lose one of the changes.
public actor TenantEditor {
    /// The most entries one knowledge base may hold.
    public static let maxKnowledgeEntries = 2000

    let store: SQLiteStore
    let tenants: TenantDirectory
    let cache: SemanticAnswerCache?
    let logger: Logger
    private var lastEdit: Task<Void, Never>?

    public init(store: SQLiteStore, tenants: TenantDirectory, cache: SemanticAnswerCache?, logger: Logger) {
        self.store = store
        self.tenants = tenants
        self.cache = cache
        self.logger = logger
    }

    /// Replaces the assistant of the key's tenant; returns the tenant as it is now.
    public func updateAssistant(_ assistant: StoredAssistant, by key: APIKeyRecord) async throws -> TenantProfile {
        try await serially {
            var profile = try await self.profile(of: key)
            let previous = profile
            profile.assistant = assistant.profile
            profile.modelPolicy = assistant.modelPolicy
            let changed = Self.changedFields(from: previous, to: profile)
            try await self.store.saveAssistant(assistant, by: key, details: changed.isEmpty ? nil : ["changed": changed.joined(separator: ",")])
            return try await self.publish(profile, replacing: previous)
        }
    }

    /// Adds an entry at the end of the knowledge base.
    public func addKnowledgeEntry(_ entry: KnowledgeEntry, by key: APIKeyRecord) async throws -> KnowledgeEntry {
        try await editKnowledge(by: key, action: "knowledge.create", target: entry.id) { entries in
            guard !entries.contains(where: { $0.id == entry.id }) else { throw TenantEditError.entryExists(entry.id) }
            guard entries.count < Self.maxKnowledgeEntries else { throw TenantEditError.knowledgeBaseFull(limit: Self.maxKnowledgeEntries) }
            entries.append(entry)
        }
        return entry
    }

    /// Replaces an entry's question, answer and keywords, keeping its place.
    public func replaceKnowledgeEntry(_ entry: KnowledgeEntry, by key: APIKeyRecord) async throws -> KnowledgeEntry {
        try await editKnowledge(by: key, action: "knowledge.update", target: entry.id) { entries in
            guard let index = entries.firstIndex(where: { $0.id == entry.id }) else { throw TenantEditError.noSuchEntry(entry.id) }
            entries[index] = entry
        }
        return entry
    }

    /// Removes an entry.
    public func removeKnowledgeEntry(id: String, by key: APIKeyRecord) async throws {
        try await editKnowledge(by: key, action: "knowledge.delete", target: id) { entries in
            guard let index = entries.firstIndex(where: { $0.id == id }) else { throw TenantEditError.noSuchEntry(id) }
            entries.remove(at: index)
        }
    }

    private func editKnowledge(
        by key: APIKeyRecord, action: String, target: String, _ change: @escaping @Sendable (inout [KnowledgeEntry]) throws -> Void
    ) async throws {
        try await serially {
            var profile = try await self.profile(of: key)
            let previous = profile
            try change(&profile.knowledgeBase)
            try await self.store.saveKnowledgeBase(profile.knowledgeBase, by: key, action: action, target: target)
            _ = try await self.publish(profile, replacing: previous)
        }
    }

    private func profile(of key: APIKeyRecord) throws -> TenantProfile {
        guard let profile = tenants[key.tenantID] else { throw TenantEditError.unknownTenant(key.tenantID) }
        return profile
    }

    /// Makes a stored change live: the directory first (the next message uses it), then the cache.
    private func publish(_ profile: TenantProfile, replacing previous: TenantProfile) async throws -> TenantProfile {
        tenants.replace(profile)
        if let cache {
            do {
                try await cache.refresh(profile, replacing: previous)
            } catch {
                // The edit is stored and live; the old answers are unreachable (their scope names
                // the old version) and go at the next start. Only new knowledge keys are missing.
                logger.error("the semantic cache could not be refreshed after an edit", metadata: ["tenant": "\(profile.id)", "error": "\(error)"])
            }
        }
        return profile
    }

    /// Runs `edit` after every edit that arrived before it, to its end even if the caller is
    /// cancelled.
    private func serially<Result: Sendable>(_ edit: @escaping @Sendable () async throws -> Result) async throws -> Result {
        let previous = lastEdit
        let task = Task {
            await previous?.value
            return try await edit()
        }
        lastEdit = Task { _ = try? await task.value }
        return try await task.value
    }

    private static func changedFields(from old: TenantProfile, to new: TenantProfile) -> [String] {
        let (a, b) = (old.assistant, new.assistant)
        var fields: [String] = []
        if a.persona != b.persona { fields.append("persona") }
        if a.tone != b.tone { fields.append("tone") }
        if a.language != b.language { fields.append("language") }
        if a.handoffMessage != b.handoffMessage { fields.append("handoffMessage") }
        if a.unansweredMessage != b.unansweredMessage { fields.append("unansweredMessage") }
        if a.fallbackMessage != b.fallbackMessage { fields.append("fallbackMessage") }
        if a.matchThreshold != b.matchThreshold { fields.append("matchThreshold") }
        if a.handoffAfterUnanswered != b.handoffAfterUnanswered { fields.append("handoffAfterUnanswered") }
        if old.modelPolicy != new.modelPolicy { fields.append("model") }
        return fields
    }
}
