import Foundation

/// Extracts what the sender of an email wrote now, without the history their client appended.
///
/// Works on plain-text bodies. It removes:
/// - quoted lines (a `>` in the first column, any depth) and the attribution line that introduces
///   them ("On … wrote:" and its French, German, Spanish, Portuguese, Italian and Dutch forms,
///   also when wrapped over two lines);
/// - everything from the first history marker on: an Outlook separator ("-----Original
///   Message-----", a line of underscores before a header block), an Outlook header block
///   ("From:/Sent:/To:/Subject:" and translations), a forwarded-message marker, the `-- `
///   signature delimiter, or an attribution followed by unquoted history;
/// - mobile signatures ("Sent from my iPhone", "Von meinem iPhone gesendet", …).
///
/// Quoted blocks are removed wherever they are, so bottom-posted and interleaved replies keep the
/// sender's own lines. Only a `>` in the first column marks a quote: `Settings > Billing` or an
/// indented `  > npm test` are kept as written. Sign-offs ("Thanks, Jane") are kept.
public enum EmailReplyExtractor {
    /// The part of `body` the sender wrote now.
    ///
    /// Line endings become `\n`, trailing whitespace is trimmed from each line, runs of blank
    /// lines become one and leading and trailing blank lines are dropped. When nothing would be
    /// left (a message that is only a quote or only a forward), the whole body is returned,
    /// trimmed, so a message is never lost.
    ///
    /// ```swift
    /// EmailReplyExtractor.visibleReply("Yes, please.\n\nOn Tue, Mar 4, 2025 at 10:12 AM Acme <a@acme.com> wrote:\n> Shall we?")
    /// // "Yes, please."
    /// ```
    public static func visibleReply(_ body: String) -> String {
        let lines = EmailText.lines(of: body)
        let current = Array(lines[..<(firstHistoryIndex(in: lines) ?? lines.endIndex)])
        let reply = EmailText.tidy(ownLines(of: current))
        guard reply.isEmpty else { return reply }
        return EmailText.normalizingNewlines(body).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The index of the first unquoted line after which everything is history or signature.
    static func firstHistoryIndex(in lines: [String]) -> Int? {
        for index in lines.indices where !EmailText.isQuote(lines[index]) {
            let line = lines[index]
            if HistoryMarker.isSignatureDelimiter(line)
                || HistoryMarker.isOriginalMessageSeparator(line)
                || HistoryMarker.isForwardMarker(line)
                || HistoryMarker.isOutlookRule(line, in: lines, at: index)
                || OutlookHeaderBlock.starts(in: lines, at: index) {
                return index
            }
            if let attribution = ReplyAttribution.match(in: lines, at: index), attribution.isDated,
               !EmailText.isFollowedByQuote(lines, after: index + attribution.lineCount - 1) {
                return index
            }
        }
        return nil
    }

    /// The lines left once quotes, the attributions introducing them and mobile signatures are gone.
    static func ownLines(of lines: [String]) -> [String] {
        var kept: [String] = []
        var index = lines.startIndex
        while index < lines.endIndex {
            let line = lines[index]
            if EmailText.isQuote(line) || MobileSignature.matches(line) {
                index += 1
            } else if let attribution = ReplyAttribution.match(in: lines, at: index),
                      EmailText.isFollowedByQuote(lines, after: index + attribution.lineCount - 1) {
                index += attribution.lineCount
            } else {
                kept.append(line)
                index += 1
            }
        }
        return kept
    }
}
