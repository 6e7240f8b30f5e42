import ChannelKit

/// How the text of replies is marked up for Telegram, and so how it must be escaped.
///
/// Replies are plain text: every character that means markup in the chosen mode is escaped, so
/// the customer sees exactly what the assistant wrote.
public enum TelegramParseMode: String, Hashable, Sendable, CaseIterable {
    /// `parse_mode: "HTML"`: `&`, `<` and `>` become `&amp;`, `&lt;` and `&gt;`.
    case html = "HTML"
    /// `parse_mode: "MarkdownV2"`: each of `_*[]()~` `` ` `` `>#+-=|{}.!\` gets a backslash.
    case markdownV2 = "MarkdownV2"
    /// No `parse_mode`: the text is sent as it is.
    case plain

    /// The characters MarkdownV2 reserves, which must be preceded by a backslash.
    static let markdownV2Reserved: Set<Unicode.Scalar> = [
        "_", "*", "[", "]", "(", ")", "~", "`", ">", "#", "+", "-", "=", "|", "{", "}", ".", "!", "\\",
    ]

    /// The `parse_mode` value sent to Telegram; nil for plain text.
    public var wireValue: String? {
        self == .plain ? nil : rawValue
    }

    /// The markup the channel's capabilities advertise.
    public var markup: ChannelCapabilities.Markup {
        switch self {
        case .html: .html
        case .markdownV2: .markdown
        case .plain: .plain
        }
    }

    /// `text` escaped so Telegram shows it literally.
    ///
    /// ```swift
    /// TelegramParseMode.html.escape("Fish & chips <3") // "Fish &amp; chips &lt;3"
    /// ```
    public func escape(_ text: String) -> String {
        switch self {
        case .plain:
            return text
        case .html:
            var escaped = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": escaped.append(contentsOf: "&amp;".unicodeScalars)
                case "<": escaped.append(contentsOf: "&lt;".unicodeScalars)
                case ">": escaped.append(contentsOf: "&gt;".unicodeScalars)
                default: escaped.append(scalar)
                }
            }
            return String(escaped)
        case .markdownV2:
            var escaped = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                if Self.markdownV2Reserved.contains(scalar) { escaped.append("\\") }
                escaped.append(scalar)
            }
            return String(escaped)
        }
    }
}
