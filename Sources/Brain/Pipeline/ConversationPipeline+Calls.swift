import ChannelKit
import Foundation
import Logging

extension ConversationPipeline {
    /// The start of a phone call (``InboundMetadataKey/callStarted``): the per-customer daily
    /// call cap is checked and counted. A refused call always hears why (the tenant's call-cap
    /// notice, even when a notice was already given today: a caller cannot read an earlier one);
    /// an accepted call is stored without a reply, and the channel greets the caller itself.
    func startCall(_ item: InboxItem, tenant: TenantProfile, identified: Identified, deliveredInline: Bool, logger: Logger) async throws -> PipelineOutcome {
        let verdict = try await guards.check(GuardInput(
            tenant: tenant, channel: item.channel, customer: identified.customer, isNewCustomer: identified.isNewCustomer,
            text: "", providerMessageID: item.message.providerMessageID, remoteAddress: item.remoteAddress,
            isCall: true, now: Date()
        ))
        if case .block(let reason, let notice) = verdict {
            let spoken = notice ?? tenant.limits.notice(for: reason) ?? reason.defaultNotice
            var processed = reply.result(blockedBy: reason.rawValue, notice: spoken, item: item, identified: identified)
            processed.deliveredInline = deliveredInline
            let noticeID = try await store.commit(processed)
            logger.notice("call refused", metadata: ["reason": "\(reason.rawValue)", "customer.id": "\(identified.customer.id)"])
            return .blocked(reason: reason.rawValue, noticeOutboxID: noticeID)
        }
        var processed = reply.result(for: AnswerResult(decision: .silent(reason: "call started")), item: item, identified: identified)
        processed.deliveredInline = deliveredInline
        _ = try await store.commit(processed)
        return .silent(reason: "call started")
    }

    /// A message that ends the conversation (a caller's "goodbye"): stored and answered with the
    /// channel's farewell (``InboundMetadataKey/closingReply``), without the assistant.
    func close(_ item: InboxItem, farewell: String, identified: Identified, deliveredInline: Bool) async throws -> PipelineOutcome {
        let answer = ResponderAnswer(text: farewell, source: ReplyStage.closingSource, isGeneric: true)
        var processed = reply.result(for: AnswerResult(decision: .answer(answer)), item: item, identified: identified)
        processed.deliveredInline = deliveredInline
        let outboxID = try await store.commit(processed)
        return outboxID.map { .replied(outboxID: $0, source: ReplyStage.closingSource) } ?? .alreadyProcessed
    }
}
