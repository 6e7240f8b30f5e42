import Foundation

/// Turns the assistant's lightly marked-up text into plain SMS text: `**bold**`, `__bold__`,
/// `*em*`, `_em_`, `~~strike~~` and `` `code` `` lose their markers, `[label](url)` becomes
/// `label (url)`, heading hashes go. URLs are kept exactly (an underscore or asterisk inside one
/// is not emphasis).
enum PlainText {
    /// `text` without markdown emphasis.
    static func from(markdown text: String) -> String {
        var result = replace(#"\[([^\]\n]+)\]\((\S+?)\)"#, in: text, with: "$1 ($2)")
        let (protected, urls) = protectURLs(in: result)
        result = protected
        result = replace(#"```[^\n]*\n?([\s\S]*?)```"#, in: result, with: "$1")
        result = replace(#"`([^`\n]+)`"#, in: result, with: "$1")
        result = replace(#"(\*\*|__)(?=\S)([\s\S]+?)(?<=\S)\1"#, in: result, with: "$2")
        result = replace(#"~~(?=\S)([\s\S]+?)(?<=\S)~~"#, in: result, with: "$1")
        result = replace(#"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])"#, in: result, with: "$1")
        result = replace(#"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])"#, in: result, with: "$1")
        result = replace(#"(?m)^#{1,6}[ \t]+"#, in: result, with: "")
        result = replace(#"(?m)^([ \t]*)[*+][ \t]+"#, in: result, with: "$1- ")
        return restoreURLs(in: result, urls)
    }

    /// Replaces every URL with a placeholder from Unicode's private use area, so the emphasis
    /// rules cannot touch it.
    private static func protectURLs(in text: String) -> (String, [String]) {
        guard let expression = try? NSRegularExpression(pattern: #"(?:https?://|www\.)[^\s()<>]+"#, options: [.caseInsensitive]) else {
            return (text, [])
        }
        let range = NSRange(text.startIndex..., in: text)
        var urls: [String] = []
        var result = ""
        var last = text.startIndex
        for match in expression.matches(in: text, range: range) {
            guard let found = Range(match.range, in: text) else { continue }
            result += text[last..<found.lowerBound]
            result += placeholder(urls.count)
            urls.append(String(text[found]))
            last = found.upperBound
        }
        result += text[last...]
        return (result, urls)
    }

    private static func restoreURLs(in text: String, _ urls: [String]) -> String {
        var result = text
        for (index, url) in urls.enumerated().reversed() {
            result = result.replacingOccurrences(of: placeholder(index), with: url)
        }
        return result
    }

    /// A marker no text contains: private-use characters around the index.
    private static func placeholder(_ index: Int) -> String {
        "\u{E000}\(index)\u{E001}"
    }

    private static func replace(_ pattern: String, in text: String, with template: String) -> String {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return text }
        return expression.stringByReplacingMatches(
            in: text,
            range: NSRange(text.startIndex..., in: text),
            withTemplate: template
        )
    }
}
