import ChannelKit
import Logging

/// What processing one inbox item led to.
public enum PipelineOutcome: Sendable, Hashable {
    /// A reply was queued in the outbox (row id), answered from `source`.
    case replied(outboxID: Int64, source: String)
    /// The conversation went to a human; the customer was told (outbox row id).
    case handedOff(outboxID: Int64)
    /// Stored without a reply.
    case silent(reason: String)
    /// Already processed before (a crash between the reply and the inbox update); nothing new.
    case alreadyProcessed
}

/// Errors that stop one inbox item; it is retried, then marked failed.
public struct PipelineError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String

    static func unknownTenant(_ id: String) -> PipelineError {
        PipelineError(description: "tenant \"\(id)\" is not configured")
    }
}

/// The conversation pipeline: identify → answer → reply → store, composed here and nowhere else.
///
/// Each stage is a small type testable alone. Guards, memory, the semantic cache and cost
/// recording join as further stages.
public struct ConversationPipeline: Sendable {
    let store: SQLiteStore
    let tenants: TenantDirectory
    let answerStage: AnswerStage
    let replyStage = ReplyStage()

    public init(store: SQLiteStore, tenants: TenantDirectory, responder: any Responder) {
        self.store = store
        self.tenants = tenants
        self.answerStage = AnswerStage(responder: responder)
    }

    /// Processes one inbox item and commits the result in one transaction.
    public func process(_ item: InboxItem, logger: Logger) async throws -> PipelineOutcome {
        guard let tenant = tenants[item.channel.tenantID] else {
            throw PipelineError.unknownTenant(item.channel.tenantID)
        }
        let (customerID, conversation) = try await store.identify(item.message, on: item.channel)
        let decision = try await answerStage.decide(item.message, tenant: tenant, conversation: conversation)
        let processed = replyStage.result(for: decision, item: item, customerID: customerID, conversation: conversation)
        let outboxID = try await store.commit(processed)
        let outcome: PipelineOutcome
        switch (decision, outboxID) {
        case (.answer(let answer), let id?): outcome = .replied(outboxID: id, source: answer.source)
        case (.handoff, let id?): outcome = .handedOff(outboxID: id)
        case (.silent(let reason), _): outcome = .silent(reason: reason)
        case (_, nil): outcome = .alreadyProcessed
        }
        logger.debug("message processed", metadata: [
            "inbox.id": "\(item.id)", "conversation.id": "\(conversation.id)", "outcome": "\(outcome)",
        ])
        return outcome
    }
}
