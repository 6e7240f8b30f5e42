import Foundation

/// The HTML alternative of a reply: the same text, escaped, in paragraphs (blank lines), with
/// line breaks kept, runs of `- ` lines as lists and `http(s)` URLs as links. No styles, no images.
public enum EmailHTML {
    /// `text` as a small HTML document.
    ///
    /// ```swift
    /// EmailHTML.render("Hi <Jane> & co,\n\nSee https://example.com/a?b=1&c=2")
    /// // …<p>Hi &lt;Jane&gt; &amp; co,</p>\n<p>See <a href="https://example.com/a?b=1&amp;c=2">…</a></p>…
    /// ```
    public static func render(_ text: String) -> String {
        let paragraphs = EmailText.normalizingNewlines(text)
            .components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .newlines) }
            .filter { !$0.allSatisfy(\.isWhitespace) }
        let blocks = paragraphs.map { paragraph -> String in
            let lines = paragraph.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.allSatisfy({ $0.hasPrefix("- ") }) {
                return "<ul>\n" + lines.map { "<li>\(inline(String($0.dropFirst(2))))</li>" }.joined(separator: "\n") + "\n</ul>"
            }
            return "<p>" + lines.map(inline).joined(separator: "<br>\n") + "</p>"
        }
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n" + blocks.joined(separator: "\n") + "\n</body></html>"
    }

    /// `text` escaped for HTML: `&`, `<`, `>`, `"` and `'`.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// One line escaped, its URLs made links (a trailing `.`, `,`, `)` or `!` is not part of one).
    static func inline(_ line: String) -> String {
        var out = ""
        var rest = Substring(line)
        while let start = rest.range(of: "http", options: .caseInsensitive)?.lowerBound {
            let candidate = rest[start...]
            guard candidate.lowercased().hasPrefix("https://") || candidate.lowercased().hasPrefix("http://") else {
                out += escape(String(rest[..<rest.index(after: start)]))
                rest = rest[rest.index(after: start)...]
                continue
            }
            var end = candidate.firstIndex(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }) ?? candidate.endIndex
            while end > start, ".,;:!?)'".contains(rest[rest.index(before: end)]) {
                end = rest.index(before: end)
            }
            let url = String(rest[start..<end])
            out += escape(String(rest[..<start]))
            out += "<a href=\"\(escape(url))\">\(escape(url))</a>"
            rest = rest[end...]
        }
        return out + escape(String(rest))
    }
}
