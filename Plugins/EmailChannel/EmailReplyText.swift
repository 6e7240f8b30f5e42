import ChannelKit
import Foundation

/// Composes the text of a reply email: the greeting, the reply, its quick replies as a list,
/// links to its attachments, and the sign-off, separated by blank lines.
///
/// The assistant is asked to greet and sign off itself on email; when the reply already starts
/// with a greeting ("Hi Jane,", "Bonjour") the configured greeting is left out, and when one of its
/// last lines is a closing ("Best regards", "Thanks,", the sender's name) so is the configured
/// sign-off, so a reply never greets twice.
struct EmailReplyText {
    let settings: EmailSettings

    /// Openings that make a first line a greeting, lower-cased.
    static let greetingWords = [
        "hello", "hi", "hey", "dear", "good morning", "good afternoon", "good evening", "greetings",
        "bonjour", "bonsoir", "salut", "hallo", "guten tag", "guten morgen", "liebe", "lieber", "sehr geehrte",
        "hola", "buenos días", "buenas tardes", "estimado", "estimada", "ciao", "buongiorno", "gentile",
        "olá", "bom dia", "boa tarde", "beste", "goedemorgen", "goedemiddag", "hoi",
    ]
    /// Closings that make a line a sign-off, lower-cased.
    static let closings = [
        "best regards", "kind regards", "warm regards", "regards", "best wishes", "best", "all the best",
        "thanks", "thank you", "many thanks", "cheers", "sincerely", "yours sincerely", "yours truly", "warmly",
        "mit freundlichen grüßen", "viele grüße", "beste grüße", "liebe grüße", "freundliche grüße",
        "cordialement", "bien cordialement", "bien à vous", "saludos", "un saludo", "atentamente",
        "cordiali saluti", "distinti saluti", "met vriendelijke groet", "groeten", "atenciosamente",
    ]

    /// The full text of the email for `reply` to a customer called `name`. Quick replies and
    /// links go before the reply's own closing, when it has one.
    func compose(_ reply: OutboundMessage, recipientName name: String?) -> String {
        let body = EmailText.normalizingNewlines(reply.text).trimmingCharacters(in: .whitespacesAndNewlines)
        let (main, ownClosing) = Self.splitClosing(body, fromName: settings.fromName)
        var sections: [String] = []
        let greeting = Self.fill(settings.greeting, placeholder: "name", with: name)
        if !greeting.isEmpty, !Self.startsWithGreeting(body) {
            sections.append(greeting)
        }
        sections.append(main)
        if !reply.quickReplies.isEmpty {
            sections.append(reply.quickReplies.map { "- \($0.title)" }.joined(separator: "\n"))
        }
        let links = reply.attachments.compactMap { attachment -> String? in
            guard let url = attachment.url, !url.isEmpty else { return nil }
            return "\(attachment.caption ?? attachment.filename ?? "Attachment"): \(url)"
        }
        if !links.isEmpty { sections.append(links.joined(separator: "\n")) }
        if let ownClosing {
            sections.append(ownClosing)
        } else {
            sections.append(Self.fill(settings.signOff, placeholder: "fromName", with: settings.fromName))
        }
        return sections.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// `template` with `{placeholder}` replaced by `value`; without a value the placeholder goes
    /// with the spaces before it, and lines left empty go too ("Hello {name}," → "Hello,").
    static func fill(_ template: String, placeholder: String, with value: String?) -> String {
        let token = "{\(placeholder)}"
        guard template.contains(token) else { return template }
        if let value, !value.isEmpty {
            return template.replacingOccurrences(of: token, with: value)
        }
        let lines = template.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> String? in
            guard line.contains(token) else { return String(line) }
            var filled = String(line)
            while let range = filled.range(of: token) {
                var start = range.lowerBound
                while start > filled.startIndex, filled[filled.index(before: start)] == " " {
                    start = filled.index(before: start)
                }
                filled.removeSubrange(start..<range.upperBound)
            }
            let trimmed = filled.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
            return trimmed.hasPrefix(",") ? String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces) : trimmed
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The name to greet a customer by: their display name, "Last, First" turned around, without
    /// quotes; nil for none or for a name that is an address.
    static func greetingName(_ displayName: String?) -> String? {
        guard var name = displayName?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty, !name.contains("@") else {
            return nil
        }
        name = name.replacingOccurrences(of: "\"", with: "")
        let halves = name.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if halves.count == 2, !halves[0].isEmpty, !halves[1].isEmpty {
            name = halves[1] + " " + halves[0]
        }
        name = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return name.isEmpty || name.count > 80 ? nil : name
    }

    /// Whether the first non-empty line opens with a greeting word followed by a non-letter.
    static func startsWithGreeting(_ text: String) -> Bool {
        guard let first = text.split(separator: "\n").first(where: { !$0.allSatisfy(\.isWhitespace) }) else { return false }
        let line = first.trimmingCharacters(in: .whitespaces).lowercased()
        return greetingWords.contains { word in
            guard line.hasPrefix(word) else { return false }
            let next = line.dropFirst(word.count).first
            return next.map { !$0.isLetter } ?? true
        }
    }

    /// The text before its closing and the closing itself (from the first of its last three
    /// non-empty lines that is a closing phrase alone or followed by a comma, "Best, Anna", or the
    /// sender's name), or the whole text and nil when it has none.
    static func splitClosing(_ text: String, fromName: String?) -> (main: String, closing: String?) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let candidates = lines.indices.filter { !lines[$0].allSatisfy(\.isWhitespace) }.suffix(3)
        guard let start = candidates.first(where: { isClosing(lines[$0], fromName: fromName) }) else { return (text, nil) }
        let main = lines[..<start].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let closing = lines[start...].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return (main, closing)
    }

    /// Whether `line` is a closing phrase alone or before a comma, or the sender's name.
    static func isClosing(_ line: String, fromName: String?) -> Bool {
        let lowered = line.trimmingCharacters(in: .whitespaces).lowercased()
        if let fromName, !fromName.isEmpty, lowered == fromName.lowercased() { return true }
        let bare = lowered.trimmingCharacters(in: CharacterSet(charactersIn: ",.!;: "))
        return closings.contains { bare == $0 || lowered.hasPrefix($0 + ",") }
    }
}
