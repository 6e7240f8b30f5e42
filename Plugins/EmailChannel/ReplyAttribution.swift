/// An attribution line that introduces quoted text: "On <date>, <name> wrote:" and translations.
struct ReplyAttribution {
    /// How many lines the attribution takes: 1, or 2 when the client wrapped it.
    let lineCount: Int
    /// Whether it holds a digit (a date or time), which real attributions always do.
    let isDated: Bool

    /// The opening word and the verb of each supported language.
    private static let patterns: [(opening: String, verb: String, verbEndsLine: Bool)] = [
        ("on", "wrote", true),
        ("le", "a écrit", true),
        ("am", "schrieb", false),
        ("el", "escribió", true),
        ("em", "escreveu", true),
        ("il", "ha scritto", true),
        ("op", "schreef", false),
    ]

    /// The attribution starting at `index`, if there is one.
    ///
    /// A wrapped attribution is recognized only when it is dated and its first line does not end
    /// a sentence, so two lines of prose ("On Monday I called.", "You wrote:") are not taken for one.
    static func match(in lines: [String], at index: Int) -> ReplyAttribution? {
        let first = lines[index]
        guard !EmailText.isBlank(first) else { return nil }
        if isAttribution(first) {
            return ReplyAttribution(lineCount: 1, isDated: first.contains(where: \.isNumber))
        }
        guard index + 1 < lines.endIndex, let end = first.last, !".!?:".contains(end) else { return nil }
        let second = lines[index + 1]
        guard !EmailText.isBlank(second), !EmailText.isQuote(second) else { return nil }
        let joined = first + " " + second
        guard isAttribution(joined), joined.contains(where: \.isNumber) else { return nil }
        return ReplyAttribution(lineCount: 2, isDated: true)
    }

    /// Whether `text` alone reads as an attribution in one of the supported languages.
    static func isAttribution(_ text: String) -> Bool {
        let line = EmailText.comparable(text)
        guard line.count <= 250, line.hasSuffix(":") else { return false }
        return patterns.contains { pattern in
            guard line.hasPrefix(pattern.opening + " ") else { return false }
            return line.hasSuffix(" \(pattern.verb):") || (!pattern.verbEndsLine && line.contains(" \(pattern.verb) "))
        }
    }
}
