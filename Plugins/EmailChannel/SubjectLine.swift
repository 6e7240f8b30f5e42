import Foundation

/// Reply subjects: "Re: " once before the original subject, whatever reply prefixes mail clients
/// in other languages stacked on it.
public enum SubjectLine {
    /// The subject used when the message answered has none.
    public static let fallbackReplySubject = "Re: your message"
    /// The longest subject sent, in characters.
    public static let maxLength = 250

    /// Reply prefixes, lower-cased, without their colon: English `Re`, German `AW`/`Antw`,
    /// Nordic `SV`/`VS`, Dutch `Antw`, French `Réf`, Italian `R`/`Rif`, Polish `Odp`, Turkish
    /// `YNT`, Greek `ΑΠ`/`ΣΧΕΤ`, Chinese `回复`/`回覆`/`答复`.
    static let replyPrefixes: Set<String> = [
        "re", "aw", "antw", "antwort", "sv", "vs", "ref", "réf", "rif", "r", "odp", "ynt", "atb",
        "απ", "σχετ", "回复", "回覆", "答复",
    ]

    /// The subject without its leading reply prefixes (any case, repeated, with counters such as
    /// `Re[2]:` or `Re^3:`, a full-width colon too). Forward prefixes (`Fwd:`, `WG:`) are kept:
    /// they say what the message is.
    ///
    /// ```swift
    /// SubjectLine.base(of: "AW: RE: Re[2]: Order 1234") // "Order 1234"
    /// ```
    public static func base(of subject: String) -> String {
        var rest = Substring(subject.trimmingCharacters(in: .whitespacesAndNewlines))
        while let colon = rest.firstIndex(where: { $0 == ":" || $0 == "：" }) {
            var prefix = rest[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            if let counter = prefix.firstIndex(where: { "[(^".contains($0) }) {
                let number = prefix[counter...].dropFirst().filter { $0 != "]" && $0 != ")" }
                guard !number.isEmpty, number.allSatisfy(\.isNumber) else { break }
                prefix = String(prefix[..<counter]).trimmingCharacters(in: .whitespaces)
            }
            guard replyPrefixes.contains(prefix) else { break }
            rest = rest[rest.index(after: colon)...].drop { $0.isWhitespace }
        }
        return String(rest)
    }

    /// The subject of a reply to a message with `subject`: "Re: " and its ``base(of:)``, cut to
    /// ``maxLength``; ``fallbackReplySubject`` when there is nothing left.
    ///
    /// ```swift
    /// SubjectLine.reply(to: "Re: RE: Opening hours") // "Re: Opening hours"
    /// SubjectLine.reply(to: "Fwd: Invoice 7")        // "Re: Fwd: Invoice 7"
    /// ```
    public static func reply(to subject: String?) -> String {
        let base = base(of: (subject ?? "").split(whereSeparator: \.isNewline).joined(separator: " "))
        guard !base.isEmpty else { return fallbackReplySubject }
        let full = "Re: " + base
        return full.count <= maxLength ? full : String(full.prefix(maxLength - 1)) + "…"
    }
}
