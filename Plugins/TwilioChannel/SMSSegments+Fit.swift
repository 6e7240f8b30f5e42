import ChannelKit
import Foundation

extension SMSSegments {
    /// The longest beginning of `text` that fits in `maxSegments` segments, cut at the end of a
    /// sentence (or a paragraph or line break) where there is one, else after a word followed by
    /// `...`, else between characters. Text that fits is returned whole (trimmed); a budget below
    /// one segment gives the empty string.
    ///
    /// ```swift
    /// SMSSegments.fit(longAnswer, maxSegments: 2)   // at most 306 GSM-7 septets
    /// ```
    public static func fit(_ text: String, maxSegments: Int) -> String {
        let trimmed = String(Substring(text).trimmingCharacters(in: .whitespacesAndNewlines))
        guard maxSegments > 0 else { return "" }
        if count(trimmed).segments <= maxSegments { return trimmed }
        let characters = Array(trimmed)
        var limit = longestFittingPrefix(characters, maxSegments: maxSegments)
        while limit > 0 {
            let candidate = cut(characters, limit: limit)
            if count(candidate).segments <= maxSegments { return candidate }
            limit -= 1
        }
        return ""
    }

    /// The largest number of leading characters whose text fits the budget (binary search: adding
    /// characters never lowers the segment count).
    private static func longestFittingPrefix(_ characters: [Character], maxSegments: Int) -> Int {
        var low = 0
        var high = characters.count
        while low < high {
            let middle = (low + high + 1) / 2
            if count(String(characters[..<middle])).segments <= maxSegments {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return low
    }

    /// The best cut of the text within `limit` characters: ChannelKit's splitter picks the
    /// boundary (paragraph, line, sentence, word); a cut inside a sentence gets `...` when the
    /// room allows it.
    private static func cut(_ characters: [Character], limit: Int) -> String {
        let text = String(characters)
        guard let first = TextSplitter.split(text, limit: limit).first else { return "" }
        let endsSentence = first.last.map { ".!?。！？:".contains($0) } ?? true
        guard !endsSentence else { return first }
        let ellipsis = "..."
        if first.count + ellipsis.count <= limit {
            return first + ellipsis
        }
        guard let shorter = TextSplitter.split(text, limit: max(1, limit - ellipsis.count)).first else { return first }
        return shorter + ellipsis
    }
}
