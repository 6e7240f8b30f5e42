import Foundation

/// Lines after which an email holds only history or a signature.
enum HistoryMarker {
    /// Titles of Outlook's "-----Original Message-----" line, lowercased.
    private static let originalMessageTitles: Set<String> = [
        "original message", "ursprüngliche nachricht", "message d'origine", "mensaje original",
        "mensagem original", "messaggio originale", "oorspronkelijk bericht",
    ]

    /// Titles of a "---------- Forwarded message ---------" line, lowercased.
    private static let forwardTitles: Set<String> = [
        "forwarded message", "message transféré", "weitergeleitete nachricht", "mensaje reenviado",
        "mensagem encaminhada", "messaggio inoltrato", "doorgestuurd bericht",
    ]

    /// Apple Mail's "Begin forwarded message:" and translations, in ``EmailText/comparable(_:)`` form.
    private static let forwardIntroductions: Set<String> = [
        "begin forwarded message:", "début du message réexpédié:", "anfang der weitergeleiteten nachricht:",
        "inicio del mensaje reenviado:", "início da mensagem reencaminhada:", "inizio messaggio inoltrato:",
        "begin doorgestuurd bericht:",
    ]

    /// Whether `line` is the signature delimiter `-- ` (also when its trailing space was lost).
    static func isSignatureDelimiter(_ line: String) -> Bool {
        line == "--" || line == "-- "
    }

    /// Whether `line` is Outlook's "-----Original Message-----" or a translation.
    static func isOriginalMessageSeparator(_ line: String) -> Bool {
        dashedTitle(of: line).map(originalMessageTitles.contains) ?? false
    }

    /// Whether `line` starts a forwarded message.
    static func isForwardMarker(_ line: String) -> Bool {
        if let title = dashedTitle(of: line), forwardTitles.contains(title) { return true }
        return forwardIntroductions.contains(EmailText.comparable(line))
    }

    /// Whether `line` is Outlook's line of underscores with a header block after it.
    static func isOutlookRule(_ line: String, in lines: [String], at index: Int) -> Bool {
        let rule = line.trimmingCharacters(in: .whitespaces)
        guard rule.count >= 10, rule.allSatisfy({ $0 == "_" }) else { return false }
        guard let next = lines.indices.dropFirst(index + 1).first(where: { !EmailText.isBlank(lines[$0]) }) else {
            return false
        }
        return OutlookHeaderBlock.starts(in: lines, at: next)
    }

    /// The lowercased title of a line such as "-----Original Message-----", if it is one.
    private static func dashedTitle(of line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("---") else { return nil }
        return EmailText.comparable(trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "- ")))
    }
}
