import ChannelKit

/// Splits text to a limit in characters and in UTF-8 bytes (Instagram accepts at most 1000 bytes
/// of text per message), at the natural boundaries ``TextSplitter`` chooses.
enum ByteLimitedSplitter {
    /// Parts of at most `characterLimit` characters and `byteLimit` UTF-8 bytes each. A single
    /// character longer than `byteLimit` (which no real text has) is kept whole.
    static func split(_ text: String, characterLimit: Int, byteLimit: Int) -> [String] {
        var parts: [String] = []
        for part in TextSplitter.split(text, limit: characterLimit) {
            let bytes = part.utf8.count
            guard bytes > byteLimit, part.count > 1 else {
                parts.append(part)
                continue
            }
            // A smaller character limit in proportion to the bytes over; strictly smaller than the
            // part, so the recursion ends.
            let smaller = min(part.count - 1, max(1, part.count * byteLimit / bytes))
            parts.append(contentsOf: split(part, characterLimit: smaller, byteLimit: byteLimit))
        }
        return parts
    }
}
