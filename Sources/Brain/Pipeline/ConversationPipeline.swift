import ChannelKit
import Foundation
import Logging

/// What processing one inbox item led to.
public enum PipelineOutcome: Sendable, Hashable {
    /// A reply was queued in the outbox (row id), answered from `source`.
    case replied(outboxID: Int64, source: String)
    /// The conversation went to a human; the customer was told (outbox row id).
    case handedOff(outboxID: Int64, reason: String)
    /// A guard blocked the message; it was stored with the reason (and a notice queued, at most
    /// once per window).
    case blocked(reason: String, noticeOutboxID: Int64?)
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

/// The conversation pipeline, composed here and nowhere else:
/// identify → compliance → (call start, farewell) → guard → remember → answer → reply (and store, in
/// one transaction).
///
/// Each stage is a small type testable alone. Costs are recorded where they are incurred: the
/// LLM responder settles its budget reservation in the ledger; channels' costs (SMS segments,
/// voice minutes) are recorded when they are sent.
public struct ConversationPipeline: Sendable {
    let store: SQLiteStore
    let tenants: TenantDirectory
    let identify: IdentifyStage
    let compliance: ComplianceStage
    let guards: GuardStage
    let remember: RememberStage
    let answer: AnswerStage
    let reply = ReplyStage()
    let timeBudgets: @Sendable (ChannelKind) -> Duration

    public init(
        store: SQLiteStore,
        tenants: TenantDirectory,
        guards: GuardStage,
        remember: RememberStage,
        answer: AnswerStage,
        timeBudgets: @escaping @Sendable (ChannelKind) -> Duration = { _ in .seconds(30) }
    ) {
        self.store = store
        self.tenants = tenants
        self.identify = IdentifyStage(store: store)
        self.compliance = ComplianceStage(store: store)
        self.guards = guards
        self.remember = remember
        self.answer = answer
        self.timeBudgets = timeBudgets
    }

    /// The embedded default: knowledge base only, default guards, no semantic memory.
    public init(store: SQLiteStore, tenants: TenantDirectory, logger: Logger) {
        self.init(
            store: store, tenants: tenants,
            guards: GuardStage(store: store, logger: logger),
            remember: RememberStage(store: store),
            answer: AnswerStage(knowledge: KnowledgeBaseResponder())
        )
    }

    /// The blocked reason of messages from a customer the business blocked.
    public static let blockedByBusiness = "blocked_by_business"

    /// Processes one inbox item and commits the result in one transaction. `deliveredInline`
    /// records the reply as sent, for channels whose reply travels in the webhook's response.
    public func process(_ item: InboxItem, logger: Logger, deliveredInline: Bool = false) async throws -> PipelineOutcome {
        guard let tenant = tenants[item.channel.tenantID] else {
            throw PipelineError.unknownTenant(item.channel.tenantID)
        }
        let identified = try await identify.run(item, tenant: tenant)
        let question = item.message.text.trimmingCharacters(in: .whitespacesAndNewlines)

        if case .handled(let reason, let text) = try await compliance.check(item) {
            let decision: AnswerDecision = text.map { .answer(ResponderAnswer(text: $0, source: "compliance", isGeneric: true)) } ?? .silent(reason: reason)
            var processed = reply.result(for: AnswerResult(decision: decision), item: item, identified: identified)
            processed.deliveredInline = deliveredInline
            let outboxID = try await store.commit(processed)
            logger.info("compliance keyword or opt-out", metadata: ["reason": "\(reason)"])
            return outboxID.map { .replied(outboxID: $0, source: "compliance") } ?? .silent(reason: reason)
        }

        if item.message.metadata[InboundMetadataKey.callStarted] == "true" {
            return try await startCall(item, tenant: tenant, identified: identified, deliveredInline: deliveredInline, logger: logger)
        }
        if let farewell = item.message.metadata[InboundMetadataKey.closingReply], !identified.conversation.status.isHumanOwned {
            return try await close(item, farewell: farewell, identified: identified, deliveredInline: deliveredInline)
        }

        if identified.customer.blockedAt != nil {
            // Blocked by the business: kept for the record, never answered, costs nothing.
            var processed = reply.result(blockedBy: Self.blockedByBusiness, notice: nil, item: item, identified: identified)
            processed.deliveredInline = deliveredInline
            try await store.commit(processed)
            return .blocked(reason: Self.blockedByBusiness, noticeOutboxID: nil)
        }

        let verdict = try await guards.check(GuardInput(
            tenant: tenant, channel: item.channel, customer: identified.customer, isNewCustomer: identified.isNewCustomer,
            text: question, providerMessageID: item.message.providerMessageID, remoteAddress: item.remoteAddress,
            isCall: false, now: Date()
        ))
        if case .block(let reason, let notice) = verdict {
            var processed = reply.result(blockedBy: reason.rawValue, notice: notice, item: item, identified: identified)
            processed.deliveredInline = deliveredInline
            let noticeID = try await store.commit(processed)
            logger.notice("message blocked", metadata: ["reason": "\(reason.rawValue)", "customer.id": "\(identified.customer.id)"])
            return .blocked(reason: reason.rawValue, noticeOutboxID: noticeID)
        }

        let recall = try await remember.recall(item, identified: identified)
        let context = ResponderContext(
            tenant: tenant, channel: item.channel, customer: identified.customer, conversation: identified.conversation,
            question: question, history: recall.history, memories: recall.memories,
            timeBudget: timeBudgets(item.channel.kind)
        )
        let answered = try await answer.decide(context)
        var processed = reply.result(for: answered, item: item, identified: identified)
        processed.deliveredInline = deliveredInline
        let outboxID = try await store.commit(processed)
        let outcome: PipelineOutcome
        switch (answered.decision, outboxID) {
        case (.answer(let response), let id?): outcome = .replied(outboxID: id, source: response.source)
        case (.handoff(_, let reason), let id?): outcome = .handedOff(outboxID: id, reason: reason)
        case (.silent(let reason), _): outcome = .silent(reason: reason)
        case (_, nil): outcome = .alreadyProcessed
        }
        logger.debug("message processed", metadata: [
            "inbox.id": "\(item.id)", "conversation.id": "\(identified.conversation.id)", "outcome": "\(outcome)",
        ])
        return outcome
    }
}
