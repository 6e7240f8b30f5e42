/// Splits long text into parts that fit a channel's length limit, at the most natural boundary
/// available: a paragraph break, else a line break, else the end of a sentence, else a space,
/// else (one unbroken word longer than the limit) between characters. Never splits a character.
public enum TextSplitter {
    /// Splits `text` into parts of at most `limit` characters each, trimmed of the whitespace at
    /// the cut. Text that fits is returned as one part; empty text as no parts.
    ///
    /// ```swift
    /// TextSplitter.split("One. Two. Three.", limit: 10) // ["One. Two.", "Three."]
    /// ```
    public static func split(_ text: String, limit: Int) -> [String] {
        let limit = max(1, limit)
        var parts: [String] = []
        var rest = Substring(text).trimmingWhitespace()
        while !rest.isEmpty {
            if rest.count <= limit {
                parts.append(String(rest))
                break
            }
            let window = rest.prefix(limit)
            let cut = bestCut(in: window, followedBy: rest[window.endIndex])
            let part = rest[..<cut].trimmingWhitespace()
            if !part.isEmpty { parts.append(String(part)) }
            rest = rest[cut...].trimmingWhitespace()
        }
        return parts
    }

    /// The index just after the best boundary inside `window`; the window's end if none.
    /// `next` is the character just after the window (there always is one: the rest is longer).
    private static func bestCut(in window: Substring, followedBy next: Character) -> Substring.Index {
        // Do not accept a boundary in the first third: it would leave a tiny part.
        let minimum = window.index(window.startIndex, offsetBy: max(1, window.count / 3))
        // Newlines are compared as characters, so "\r\n" counts like "\n".
        var lineBreak: Substring.Index?
        var index = window.endIndex
        while index > minimum {
            let previous = window.index(before: index)
            if window[previous].isNewline {
                if previous > window.startIndex, window[window.index(before: previous)].isNewline {
                    return index
                }
                lineBreak = lineBreak ?? index
            }
            index = previous
        }
        if let lineBreak {
            return lineBreak
        }
        index = window.endIndex
        while index > minimum {
            let previous = window.index(before: index)
            let following = index == window.endIndex ? next : window[index]
            if ".!?。！？".contains(window[previous]), following.isWhitespace || "。！？".contains(window[previous]) {
                return index
            }
            index = previous
        }
        if let space = window.lastIndex(where: \.isWhitespace), space >= minimum {
            return window.index(after: space)
        }
        return window.endIndex
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return self[endIndex...] }
        return self[first...last]
    }
}
