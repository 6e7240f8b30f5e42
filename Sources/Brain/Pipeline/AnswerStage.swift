import ChannelKit
import Logging

/// What the pipeline decided to do with a message.
public enum AnswerDecision: Sendable, Hashable {
    /// Reply with an answer.
    case answer(ResponderAnswer)
    /// Tell the customer a human will take over, and hand the conversation to the humans.
    case handoff(message: String, reason: String)
    /// Store the message and say nothing (a human owns the conversation).
    case silent(reason: String)
}

/// The answer stage's decision and what it changes on the conversation.
public struct AnswerResult: Sendable, Hashable {
    public var decision: AnswerDecision
    /// The conversation's new count of consecutive unanswered questions, when it changed.
    public var unansweredCount: Int?
}

/// Decides the answer, in this order: nothing while a human owns the conversation; a handoff
/// when the customer asks for a person; the knowledge base (one decision over its entries'
/// phrasings and answers, by words and meaning: ``KnowledgeBase``); the semantic cache (earlier
/// generic model answers); the LLM (within the
/// budget and the channel's time budget; a generic answer is cached); else a handoff. It is
/// never silent to a customer the assistant owns: a spent budget or a failing model degrades
/// to knowledge-base answers and handoff.
public struct AnswerStage: Sendable {
    let knowledge: any Responder
    let llm: LLMResponder?
    let cache: SemanticAnswerCache?
    let logger: Logger

    public init(knowledge: any Responder, llm: LLMResponder? = nil, cache: SemanticAnswerCache? = nil, logger: Logger = Logger(label: "answer")) {
        self.knowledge = knowledge
        self.llm = llm
        self.cache = cache
        self.logger = logger
    }

    public func decide(_ context: ResponderContext) async throws -> AnswerResult {
        let assistant = context.tenant.assistant
        let conversation = context.conversation
        if conversation.status.isHumanOwned {
            return AnswerResult(decision: .silent(reason: "a human owns the conversation (\(conversation.status.rawValue))"))
        }
        if HandoffRequestDetector(languages: [assistant.language]).asksForHuman(context.question) {
            return handoff("the customer asked for a person", context)
        }
        guard !context.question.isEmpty else {
            return handoff("a message without text (attachments only)", context)
        }
        if let answer = try await knowledge.answer(context) {
            return AnswerResult(decision: .answer(answer), unansweredCount: conversation.unansweredCount == 0 ? nil : 0)
        }
        let lookup = await cached(context)
        if let entry = lookup?.decision.entry {
            let source = entry.source.reference.map { "cache:knowledge_base:\($0)" } ?? "cache:generated"
            return AnswerResult(decision: .answer(ResponderAnswer(text: entry.answer, source: source, isGeneric: true)),
                                unansweredCount: conversation.unansweredCount == 0 ? nil : 0)
        }
        guard let llm else {
            return handoff("no knowledge-base answer and no model configured", context)
        }
        switch await llm.respond(context) {
        case .answered(let answer, _) where answer.isUnanswered:
            return unanswered(context, reason: "the model could not answer")
        case .answered(let answer, let costs):
            if let cache, let vector = lookup?.vector, answer.isGeneric {
                let cost = costs.reduce(Int64(0)) { $0 + ((try? LedgerRow(validating: $1))?.amountNanos ?? 0) }
                do {
                    try await cache.remember(question: context.question, vector: vector, answer: answer, costNanos: cost, tenant: context.tenant, kind: context.channel.kind)
                } catch {
                    logger.warning("the answer could not be cached", metadata: ["error": "\(error)"])
                }
            }
            return AnswerResult(decision: .answer(answer), unansweredCount: conversation.unansweredCount == 0 ? nil : 0)
        case .timedOut:
            return unanswered(context, reason: "the model did not answer within the channel's time budget", message: assistant.fallbackMessage)
        case .budgetExhausted:
            return handoff("the monthly budget is spent", context)
        case .failed(let reason):
            return handoff("every model failed: \(reason)", context)
        case .disabled:
            return handoff("no knowledge-base answer and the model is disabled for this tenant", context)
        }
    }

    /// The cache's decision for the question, or nil without a cache or when it fails (a cache
    /// problem never stops an answer).
    private func cached(_ context: ResponderContext) async -> SemanticAnswerCache.Lookup? {
        guard let cache else { return nil }
        do {
            let lookup = try await cache.lookup(context.question, tenant: context.tenant, kind: context.channel.kind)
            if case .miss(let reason) = lookup.decision {
                logger.debug("semantic cache miss", metadata: ["reason": "\(reason.code)"])
            }
            return lookup
        } catch {
            logger.warning("semantic cache lookup failed", metadata: ["error": "\(error)"])
            return nil
        }
    }

    private func handoff(_ reason: String, _ context: ResponderContext) -> AnswerResult {
        AnswerResult(decision: .handoff(message: context.tenant.assistant.handoffMessage, reason: reason), unansweredCount: 0)
    }

    /// One more question the assistant could not answer: say so, or hand off when it keeps happening.
    private func unanswered(_ context: ResponderContext, reason: String, message: String? = nil) -> AnswerResult {
        let assistant = context.tenant.assistant
        let count = context.conversation.unansweredCount + 1
        if count >= assistant.handoffAfterUnanswered {
            return handoff("\(count) questions in a row without an answer (last: \(reason))", context)
        }
        let text = message ?? assistant.unansweredMessage
        return AnswerResult(decision: .answer(ResponderAnswer(text: text, source: "unanswered", isGeneric: true, isUnanswered: true)), unansweredCount: count)
    }
}
