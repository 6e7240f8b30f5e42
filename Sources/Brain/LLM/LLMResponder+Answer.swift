import ChannelKit
import Foundation

extension LLMResponder {
    /// The answer from a completion: the handoff marker makes it unanswered.
    func answer(from completion: ChatCompletion, model: LLMModel, context: ResponderContext) -> ResponderAnswer {
        let source = "llm:\(model.name)"
        // Only an answer built without anything about this customer may be reused for others.
        let isGeneric = context.history.isEmpty && context.memories.isEmpty && (context.customer.displayName ?? "").isEmpty
        let text = completion.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.contains(PromptBuilder.handoffMarker) else {
            return ResponderAnswer(text: text, source: source, isGeneric: isGeneric)
        }
        let rest = text.replacingOccurrences(of: PromptBuilder.handoffMarker, with: "").trimmingCharacters(in: .whitespacesAndNewlines)
        return ResponderAnswer(text: rest, source: source, isGeneric: isGeneric, isUnanswered: true)
    }

    /// The most a call can cost: the prompt (UTF-8 bytes ÷ 4, rounded up) at the input price plus
    /// `maxTokens` at the output price, in nanos. Saturates rather than overflowing.
    static func estimatedCostNanos(promptBytes: Int, maxTokens: Int, model: LLMModel) -> Int64 {
        let input = Int64(TokenUsage.estimate(byteCount: promptBytes)).multipliedReportingOverflow(by: model.inputTokenPriceNanos)
        let output = Int64(max(0, maxTokens)).multipliedReportingOverflow(by: model.outputTokenPriceNanos)
        guard !input.overflow, !output.overflow else { return .max }
        let total = input.partialValue.addingReportingOverflow(output.partialValue)
        return total.overflow ? .max : total.partialValue
    }

    /// The ledger rows of a call: input and output tokens at the model's prices.
    static func costs(of usage: TokenUsage, model: LLMModel, channel: ChannelRef) -> [CostEntry] {
        [
            CostEntry(
                tenantID: channel.tenantID, channelID: channel.channelID, kind: .modelCall,
                quantity: Int64(usage.promptTokens), unit: "input_token",
                unitPriceNanos: model.inputTokenPriceNanos, reference: model.name
            ),
            CostEntry(
                tenantID: channel.tenantID, channelID: channel.channelID, kind: .modelCall,
                quantity: Int64(usage.completionTokens), unit: "output_token",
                unitPriceNanos: model.outputTokenPriceNanos, reference: model.name
            ),
        ]
    }
}
