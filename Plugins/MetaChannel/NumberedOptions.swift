import ChannelKit

/// Quick replies written out as a numbered list, for when they cannot be buttons (too many, or
/// titles too long for the channel's buttons).
enum NumberedOptions {
    /// `text`, a blank line, then `1. Title` per quick reply; only the list when `text` is blank.
    static func appending(_ quickReplies: [QuickReply], to text: String) -> String {
        let list = quickReplies.enumerated().map { "\($0.offset + 1). \($0.element.title)" }.joined(separator: "\n")
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? list : "\(trimmed)\n\n\(list)"
    }
}
