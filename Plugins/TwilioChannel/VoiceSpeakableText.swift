import Foundation

/// Turns the assistant's text into something a phone voice can say: no markdown, no emoji, web
/// and email addresses spoken ("example dot com", "info at bakery dot com"), clock times read
/// the English way in English ("14:30" → "2:30 PM"), one line, cut at a sentence to fit.
///
/// Numbers, prices and percentages are kept: Twilio's voices read "$4.50" and "20%" well. The
/// result is plain text; ``VoiceTwiML`` escapes it for XML.
///
/// ```swift
/// let speakable = VoiceSpeakableText(language: "en-US", maxCharacters: 600)
/// speakable.speakable("**Open** 09:00–17:30. See [our menu](https://bakery.com/menu) 🥐")
/// // "Open 9 AM to 5:30 PM. See our menu"
/// ```
public struct VoiceSpeakableText: Sendable {
    /// The BCP-47 language the text is said in: it picks the words for "dot" and "at" and whether
    /// times are read on a 12-hour clock (English only).
    public var language: String
    /// The longest result, in characters.
    public var maxCharacters: Int

    /// A speakable-text maker for one channel.
    ///
    /// - Parameters:
    ///   - language: the BCP-47 language of the channel's voice (`en-US`, `es-MX`).
    ///   - maxCharacters: the longest result (``VoiceSettings/maxSpokenCharacters``).
    public init(language: String, maxCharacters: Int) {
        self.language = language
        self.maxCharacters = maxCharacters
    }

    /// `text` made speakable and cut to ``maxCharacters`` at the end of a sentence (else of a
    /// word).
    public func speakable(_ text: String) -> String {
        var result = Self.replacing(#"\[([^\]\n]+)\]\([^)\s]+\)"#, in: text) { $0[1] }
        result = PlainText.from(markdown: result)
        result = Self.oneLine(result)
        result = spokenEmails(in: result)
        result = spokenURLs(in: result)
        if isEnglish {
            result = Self.twelveHourTimes(in: result)
        }
        result = Self.withoutEmoji(result)
        result = Self.tidy(result)
        return Self.cut(result, to: maxCharacters)
    }

    /// Whether the language is English (`en`, `en-US`, `en-GB`…).
    var isEnglish: Bool {
        language.lowercased() == "en" || language.lowercased().hasPrefix("en-")
    }

    /// Lines joined into one: list markers and quote marks dropped, and a line followed by another
    /// that does not end a sentence ended with a full stop, so the voice pauses between items.
    static func oneLine(_ text: String) -> String {
        var lines: [String] = []
        for rawLine in text.split(whereSeparator: \.isNewline) {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            line = replacing(#"^(?:>\s*)+"#, in: line) { _ in "" }
            line = replacing(#"^(?:[-•*+]|\d{1,2}[.)])\s+"#, in: line) { _ in "" }
            line = line.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            if let previous = lines.last, let end = previous.last, !".!?:;,…".contains(end) {
                lines[lines.count - 1] = previous + "."
            }
            lines.append(line)
        }
        return lines.joined(separator: " ")
    }

    /// `text` without emoji: pictographs, flags, keycaps and sequences joined with U+200D. Digits,
    /// `#` and `*` stay (they are emoji only with U+FE0F or a keycap).
    static func withoutEmoji(_ text: String) -> String {
        String(text.filter { !isEmoji($0) })
    }

    private static func isEmoji(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return false }
        if scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x20E3 || $0.value == 0x200D }) { return true }
        if first.properties.isEmojiPresentation { return true }
        // Text-style pictographs (☀ ✈ ❤ ☎) without their variation selector.
        return first.properties.isEmoji && first.value >= 0x2300
    }

    /// Markup leftovers removed, spaces collapsed, no space before punctuation, no doubled full
    /// stops.
    static func tidy(_ text: String) -> String {
        var result = replacing(#"[*_#`~|^\\{}\[\]<>]+"#, in: text) { _ in " " }
        result = replacing(#"\s+"#, in: result) { _ in " " }
        result = replacing(#"\s+([.,!?;:])"#, in: result) { $0[1] }
        result = replacing(#"([.!?;:,])(?:\s*[.,])+"#, in: result) { $0[1] }
        result = replacing(#"^[\s.,;:!?]+"#, in: result) { _ in "" }
        return result.trimmingCharacters(in: .whitespaces)
    }

    /// `text` cut to `limit` characters after the last full sentence that fits, else after the
    /// last word that fits (with a full stop).
    static func cut(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let head = text.prefix(limit + 1)
        var sentenceEnd: Substring.Index?
        var index = head.startIndex
        var length = 0
        while index < head.endIndex, length < limit {
            let next = head.index(after: index)
            length += 1
            if ".!?…".contains(head[index]), next == head.endIndex || head[next] == " " {
                sentenceEnd = next
            }
            index = next
        }
        if let sentenceEnd {
            return String(head[..<sentenceEnd])
        }
        let words = head.prefix(limit)
        let cutAt = words.lastIndex(of: " ") ?? words.endIndex
        var result = String(words[..<cutAt]).trimmingCharacters(in: CharacterSet(charactersIn: " ,;:-"))
        result += "."
        return result
    }

    /// `text` with every match of `pattern` replaced by `transform` of its capture groups (group 0
    /// is the whole match; a group that did not take part is ""). A nil result keeps the match.
    static func replacing(
        _ pattern: String,
        in text: String,
        options: NSRegularExpression.Options = [],
        transform: ([String]) -> String?
    ) -> String {
        guard let expression = try? NSRegularExpression(pattern: pattern, options: options) else { return text }
        let matches = expression.matches(in: text, range: NSRange(text.startIndex..., in: text))
        guard !matches.isEmpty else { return text }
        var result = ""
        var last = text.startIndex
        for match in matches {
            guard let whole = Range(match.range, in: text) else { continue }
            let groups = (0..<match.numberOfRanges).map { number in
                Range(match.range(at: number), in: text).map { String(text[$0]) } ?? ""
            }
            result += text[last..<whole.lowerBound]
            result += transform(groups) ?? String(text[whole])
            last = whole.upperBound
        }
        result += text[last...]
        return result
    }
}
