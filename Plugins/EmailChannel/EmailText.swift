import Foundation

/// Line handling shared by the reply extractor's recognizers.
enum EmailText {
    /// `body` with CRLF and lone CR turned into LF.
    static func normalizingNewlines(_ body: String) -> String {
        body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// The lines of `body`, each without trailing whitespace.
    static func lines(of body: String) -> [String] {
        normalizingNewlines(body).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var trimmed = Substring(line)
            while let last = trimmed.last, last.isWhitespace {
                trimmed.removeLast()
            }
            return String(trimmed)
        }
    }

    /// Whether `line` is quoted: a `>` in the first column.
    static func isQuote(_ line: String) -> Bool {
        line.hasPrefix(">")
    }

    /// Whether `line` holds only whitespace.
    static func isBlank(_ line: String) -> Bool {
        line.allSatisfy(\.isWhitespace)
    }

    /// Whether the first non-blank line after `index` is quoted.
    static func isFollowedByQuote(_ lines: [String], after index: Int) -> Bool {
        lines.dropFirst(index + 1).first { !isBlank($0) }.map(isQuote) ?? false
    }

    /// `line` in a form for comparing with markers: lowercased, whitespace runs (including
    /// no-break spaces) made one space, and no space before a colon ("a écrit :" → "a écrit:").
    static func comparable(_ line: String) -> String {
        line.lowercased()
            .components(separatedBy: .whitespaces)
            .filter { !$0.isEmpty }
            .joined(separator: " ")
            .replacingOccurrences(of: " :", with: ":")
    }

    /// `lines` joined with `\n`, without leading or trailing blank lines and with blank runs made one.
    static func tidy(_ lines: [String]) -> String {
        var result: [String] = []
        for line in lines {
            let blank = isBlank(line)
            if blank && (result.last.map(isBlank) ?? true) { continue }
            result.append(blank ? "" : line)
        }
        if result.last == "" { result.removeLast() }
        return result.joined(separator: "\n")
    }
}
