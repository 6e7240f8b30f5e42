import ChannelKit

/// How a reply's quick replies are shown on WhatsApp.
///
/// - up to 3, titles of at most 20 characters: reply **buttons** under the last text part;
/// - up to 10, titles of at most 24 characters: an options **list** behind one button;
/// - otherwise (more than 10, longer titles, blank or repeated titles or payloads, payloads longer
///   than WhatsApp's id limits): a **numbered list** appended to the text, answered by typing.
enum WhatsAppQuickReplyLayout: Equatable {
    case none
    case buttons
    case list
    case numberedText

    static func choose(for quickReplies: [QuickReply]) -> Self {
        guard !quickReplies.isEmpty else { return .none }
        let titles = quickReplies.map(\.title)
        let payloads = quickReplies.map(\.payload)
        guard titles.allSatisfy({ !$0.allSatisfy(\.isWhitespace) }), payloads.allSatisfy({ !$0.isEmpty }),
              Set(titles).count == titles.count, Set(payloads).count == payloads.count else {
            return .numberedText
        }
        let longestTitle = titles.map(\.count).max() ?? 0
        let longestPayload = payloads.map(\.count).max() ?? 0
        if quickReplies.count <= WhatsAppLimits.maxReplyButtons, longestTitle <= WhatsAppLimits.maxButtonTitleLength,
           longestPayload <= WhatsAppLimits.maxButtonIDLength {
            return .buttons
        }
        if quickReplies.count <= WhatsAppLimits.maxListRows, longestTitle <= WhatsAppLimits.maxRowTitleLength,
           longestPayload <= WhatsAppLimits.maxRowIDLength {
            return .list
        }
        return .numberedText
    }
}
