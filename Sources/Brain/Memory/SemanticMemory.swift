import Foundation
import Logging

/// The customer memory: every stored message embedded (in batches, off the request path) into
/// a per-tenant exact vector index of float16 components (half the memory of float32), and
/// recall of a customer's own closest older messages.
///
/// Isolation is structural and then checked: each tenant has its own index, a search runs only
/// among the asking customer's message ids, and the texts shown are read back from the store
/// with the tenant and customer in the query (so a stale index after a merge or an erasure can
/// never show someone else's words).
public actor SemanticMemory: MemoryRetriever {
    let store: SQLiteStore
    public nonisolated let embedder: any Embedder
    let logger: Logger
    private var indexes: [String: ExactVectorIndex] = [:]
    private var customerMessages: [String: [String: [Int64]]] = [:]
    private var highWater: Int64 = 0

    public init(store: SQLiteStore, embedder: any Embedder, logger: Logger) {
        self.store = store
        self.embedder = embedder
        self.logger = logger
    }

    /// Rebuilds the in-memory indexes from the stored vectors (dropping another embedder's);
    /// returns how many vectors were loaded.
    ///
    /// Each tenant's vectors are read in one pass straight into one contiguous float16 block
    /// that becomes its exact index, without a copy per vector (1M vectors in about 1.8 s and
    /// 780 MB: see `MemoryBench` in docs/SEMANTIC.md). A stored vector of the wrong length or
    /// with a component that is not finite (or beyond float16's range) is deleted, so its
    /// message is embedded again.
    @discardableResult
    public func load() async throws -> Int {
        let dropped = try await store.dropMessageVectors(notMadeBy: embedder.identifier)
        if dropped > 0 {
            logger.notice("the embedder changed: earlier message vectors dropped, messages will be embedded again", metadata: ["dropped": "\(dropped)"])
        }
        indexes = [:]
        customerMessages = [:]
        var loaded = 0
        for tenantID in try await store.messageVectorTenants(embedder: embedder.identifier) {
            let vectors = try await store.messageVectors(tenantID: tenantID, embedder: embedder.identifier, dimension: embedder.dimension)
            if !vectors.unreadable.isEmpty {
                try await store.deleteMessageVectors(rowids: vectors.unreadable)
                logger.warning("stored message vectors were unreadable and will be made again", metadata: ["tenant": "\(tenantID)", "vectors": "\(vectors.unreadable.count)"])
            }
            install(vectors, tenantID: tenantID)
            loaded += vectors.count
        }
        highWater = 0
        return loaded
    }

    /// Makes `vectors` the tenant's index and customer lists.
    private func install(_ vectors: TenantVectors, tenantID: String) {
        indexes[tenantID] = ExactVectorIndex(dimension: embedder.dimension, ids: vectors.rowids, halves: vectors.halves)
        var byCustomer: [String: [Int64]] = [:]
        for (rowid, customerID) in zip(vectors.rowids, vectors.customerIDs) {
            byCustomer[customerID, default: []].append(rowid)
        }
        customerMessages[tenantID] = byCustomer
    }

    /// Embeds up to `batch` messages that have no vector yet, stores and indexes them; returns
    /// how many messages it took (0 when none was waiting).
    ///
    /// A vector the memory cannot hold (wrong length, NaN, beyond float16's range: only a
    /// misbehaving remote embedder returns one) is logged and left out; its message is tried
    /// again at the next start rather than failing the whole batch over and over.
    public func indexPending(batch: Int = 32) async throws -> Int {
        let pending = try await store.messagesToEmbed(after: highWater, limit: batch)
        guard !pending.isEmpty else { return 0 }
        let vectors = try await embedder.embed(pending.map(\.text))
        var embedded: [MessageVector] = []
        var refused: [Int64] = []
        for (message, vector) in zip(pending, vectors) {
            guard vector.count == embedder.dimension, ExactVectorIndex.Precision.float16.canHold(vector) else {
                refused.append(message.rowid)
                continue
            }
            embedded.append(MessageVector(rowid: message.rowid, tenantID: message.tenantID, customerID: message.customerID, vector: vector))
        }
        if !refused.isEmpty || vectors.count != pending.count {
            logger.warning("the embedder returned vectors the memory cannot hold; those messages are left out until the next start", metadata: [
                "embedder": "\(embedder.identifier)", "messages": "\(refused + pending.dropFirst(vectors.count).map(\.rowid))",
            ])
        }
        try await store.storeMessageVectors(embedded, embedder: embedder.identifier)
        for vector in embedded {
            try add(vector)
        }
        highWater = max(highWater, pending.map(\.rowid).max() ?? highWater)
        return pending.count
    }

    /// Drops an erased customer's vectors from the in-memory index (the store already deleted
    /// them and their messages).
    public func forget(customerID: String, tenantID: String) {
        guard let rowids = customerMessages[tenantID]?.removeValue(forKey: customerID) else { return }
        for rowid in rowids { indexes[tenantID]?.remove(id: rowid) }
    }

    /// How many vectors the memory holds for a tenant.
    public func count(tenantID: String) -> Int {
        indexes[tenantID]?.count ?? 0
    }

    private func add(_ vector: MessageVector) throws {
        try indexes[vector.tenantID, default: ExactVectorIndex(dimension: embedder.dimension, precision: .float16)].add(id: vector.rowid, vector: vector.vector)
        customerMessages[vector.tenantID, default: [:]][vector.customerID, default: []].append(vector.rowid)
    }

    /// The customer's `limit` closest older messages to `question`, best first.
    public func memories(for question: String, customer: CustomerRecord, excluding: Set<String>, limit: Int) async throws -> [String] {
        guard limit > 0, !question.isEmpty else { return [] }
        let excluded = try await store.messageRowids(ids: Array(excluding), tenantID: customer.tenantID)
        let candidates = (customerMessages[customer.tenantID]?[customer.id] ?? []).filter { !excluded.contains($0) }
        guard let index = indexes[customer.tenantID], !candidates.isEmpty else { return [] }
        let query = try await embedder.embed([question])[0]
        let hits = try index.search(query: query, k: limit, among: candidates)
        let texts = try await store.messageTexts(rowids: hits.map(\.id), customerID: customer.id, tenantID: customer.tenantID)
        return hits.compactMap { texts[$0.id] }
    }
}
