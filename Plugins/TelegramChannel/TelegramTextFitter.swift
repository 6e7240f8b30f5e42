import ChannelKit

/// Splits reply text into message texts that fit Telegram's limit once escaped.
///
/// The plain text is split first (with ``ChannelKit/TextSplitter``, at paragraph, line, sentence
/// or word boundaries) and each part is escaped afterwards, so no cut ever falls inside an
/// escape such as `&amp;`. A part whose escaping makes it longer than the limit is split again,
/// smaller, until every escaped part fits. Lengths are counted in UTF-16 code units, as Telegram
/// counts them, which is never less than the number of characters.
enum TelegramTextFitter {
    /// The escaped parts of `text`, in order, each at most `limit` UTF-16 code units long.
    ///
    /// - Throws: a permanent ``SendFailure`` when one character alone cannot fit (a character
    ///   made of hundreds of combining marks).
    static func parts(of text: String, limit: Int, escape: (String) -> String) throws(SendFailure) -> [String] {
        var parts: [String] = []
        for plain in TextSplitter.split(text, limit: limit) {
            try fit(plain, limit: limit, escape: escape, into: &parts)
        }
        return parts
    }

    private static func fit(_ plain: String, limit: Int, escape: (String) -> String, into parts: inout [String]) throws(SendFailure) {
        let escaped = escape(plain)
        let length = escaped.utf16.count
        if length <= limit {
            parts.append(escaped)
            return
        }
        let characters = plain.count
        guard characters > 1 else {
            throw SendFailure(isRetryable: false, reason: "the reply holds a character longer than Telegram's \(limit)-character limit")
        }
        // Shrink in proportion to how much escaping (or UTF-16) lengthened the text, by at least
        // one character, so every round makes progress.
        let smaller = max(1, min(characters - 1, characters * limit / length))
        for piece in TextSplitter.split(plain, limit: smaller) {
            try fit(piece, limit: limit, escape: escape, into: &parts)
        }
    }
}
