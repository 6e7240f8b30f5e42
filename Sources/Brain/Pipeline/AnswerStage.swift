import ChannelKit

/// What the pipeline decided to do with a message.
public enum AnswerDecision: Sendable, Hashable {
    /// Reply with an answer.
    case answer(ResponderAnswer)
    /// Tell the customer a human will take over, and hand the conversation to the humans.
    case handoff(message: String)
    /// Store the message and say nothing (a human owns the conversation).
    case silent(reason: String)
}

/// Decides the answer: nothing while a human owns the conversation, else the responder's answer,
/// else a handoff to a human with the tenant's own words.
public struct AnswerStage: Sendable {
    let responder: any Responder

    public init(responder: any Responder) {
        self.responder = responder
    }

    public func decide(_ message: InboundMessage, tenant: TenantProfile, conversation: ConversationRecord) async throws -> AnswerDecision {
        if conversation.status.isHumanOwned {
            return .silent(reason: "a human owns the conversation (\(conversation.status.rawValue))")
        }
        let question = message.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !question.isEmpty,
           let answer = try await responder.answer(ResponderContext(tenant: tenant, question: question, conversation: conversation)) {
            return .answer(answer)
        }
        return .handoff(message: tenant.assistant.handoffMessage)
    }
}
