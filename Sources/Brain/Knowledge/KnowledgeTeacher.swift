import Foundation
import Logging

/// Teaches the knowledge base from people: when an agent answers a question the assistant
/// could not answer with (or close to) an entry's answer, the question becomes a phrasing of
/// that entry; an admin can mark a question as an entry's too, and remove any phrasing.
/// Every change is stored and audited (``SQLiteStore/learnPhrasing(entryID:text:source:messageID:by:)``)
/// and live at once (``KnowledgePhrasings``). Recall then grows with use.
///
/// A question about the customer's own affairs ("where is my order"), or one naming an order
/// number, email or phone, is never learned: its answer was for that customer only.
public struct KnowledgeTeacher: Sendable {
    let store: SQLiteStore
    public let phrasings: KnowledgePhrasings
    let logger: Logger

    public init(store: SQLiteStore, phrasings: KnowledgePhrasings, logger: Logger) {
        self.store = store
        self.phrasings = phrasings
        self.logger = logger
    }

    /// Loads every tenant's learned phrasings.
    public static func load(store: SQLiteStore, logger: Logger) async throws -> KnowledgeTeacher {
        KnowledgeTeacher(store: store, phrasings: KnowledgePhrasings(try await store.allLearnedPhrasings()), logger: logger)
    }

    /// The words that make `question` a status question or a request about the customer's own
    /// affairs ("where is my order", "call me back"), or nil.
    public static func statusMarker(_ question: String) -> String? {
        SignatureExtractor.statusOrRequestMarker(question)
    }

    /// Why a question cannot be learned from an agent's reply, or nil when it can.
    public static func refusal(toLearn question: String) -> String? {
        let text = question.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.unicodeScalars.count <= 500 else { return "a phrasing is 1 to 500 characters" }
        let signature = QuestionSignature(text)
        if let marker = signature.personalMarker { return "the question is about the customer's own affairs (\(marker))" }
        if signature.identifiers.contains(where: { id in ["ref:", "code:", "email:", "phone:", "url:"].contains(where: id.hasPrefix) }) {
            return "the question names an order number, code, email, phone or link"
        }
        guard !KnowledgeText.words(text).isEmpty else { return "the question has no words to match" }
        return nil
    }

    /// After an agent's reply in a conversation: when it answers the customer's unanswered
    /// question with an entry's answer, learns the question for that entry. Returns what was
    /// learned, nil otherwise. Never throws: learning is a side effect of a reply.
    @discardableResult
    public func agentReplied(_ reply: String, conversationID: String, tenant: TenantProfile, by key: APIKeyRecord) async -> LearnedPhrasing? {
        guard let entry = Self.entry(answeredBy: reply, in: tenant.knowledgeBase) else { return nil }
        do {
            guard let question = try await store.unansweredQuestion(conversationID: conversationID, tenantID: tenant.id),
                  Self.refusal(toLearn: question.text) == nil else { return nil }
            let phrasing = try await store.learnPhrasing(
                entryID: entry.id, text: question.text.trimmingCharacters(in: .whitespacesAndNewlines), source: .agentReply,
                messageID: question.id, by: key
            )
            phrasings.add(phrasing)
            logger.info("learned a phrasing from an agent's reply", metadata: ["tenant": "\(tenant.id)", "entry": "\(entry.id)", "phrasing": "\(phrasing.id)"])
            return phrasing
        } catch {
            logger.warning("a phrasing could not be learned from an agent's reply", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// Marks `question` as a phrasing of `entryID` (an admin's decision). Throws
    /// ``TenantEditError/noSuchEntry(_:)`` for an unknown entry.
    public func mark(_ question: String, entryID: String, tenant: TenantProfile, by key: APIKeyRecord) async throws -> LearnedPhrasing {
        guard tenant.knowledgeBase.contains(where: { $0.id == entryID }) else { throw TenantEditError.noSuchEntry(entryID) }
        let phrasing = try await store.learnPhrasing(
            entryID: entryID, text: question.trimmingCharacters(in: .whitespacesAndNewlines), source: .marked, messageID: nil, by: key
        )
        phrasings.add(phrasing)
        return phrasing
    }

    /// Removes a learned phrasing; returns it, nil when the entry has no such phrasing.
    public func remove(id: String, entryID: String, by key: APIKeyRecord) async throws -> LearnedPhrasing? {
        guard let phrasing = try await store.removePhrasing(id: id, entryID: entryID, by: key) else { return nil }
        phrasings.remove(phrasing)
        return phrasing
    }

    /// The entry whose answer `reply` gives: the same words as the answer, or the answer's
    /// words nearly all there in a reply not much longer (a greeting or a name around it).
    /// Nil when no entry, or more than one, fits.
    public static func entry(answeredBy reply: String, in entries: [KnowledgeEntry]) -> KnowledgeEntry? {
        let replyStems = Set(KnowledgeText.stems(reply))
        guard !replyStems.isEmpty else { return nil }
        let fitting = entries.filter { entry in
            let answerStems = Set(KnowledgeText.stems(entry.answer))
            guard !answerStems.isEmpty else { return false }
            let shared = Double(answerStems.intersection(replyStems).count)
            return shared / Double(answerStems.count) >= 0.85 && Double(replyStems.count) <= 1.6 * Double(answerStems.count) + 6
        }
        return fitting.count == 1 ? fitting[0] : nil
    }
}
