import Foundation

/// One mailbox of an address header (RFC 5322 §3.4): an address and the name shown with it.
public struct MailAddress: Hashable, Sendable {
    /// The address as written (`Jane.Doe@Example.com`); compare with ``normalized``.
    public var address: String
    /// The display name, encoded-words decoded and quotes removed; nil when there is none.
    public var displayName: String?

    public init(address: String, displayName: String? = nil) {
        self.address = address
        self.displayName = displayName
    }

    /// The address in lower case, which is how the channel identifies a customer.
    public var normalized: String { address.lowercased() }

    /// The part before the `@`, lower-cased.
    public var localPart: String {
        String(normalized.split(separator: "@", maxSplits: 1).first ?? "")
    }

    /// The first mailbox of a header value, if any.
    ///
    /// ```swift
    /// MailAddress.parse("\"Doe, Jane\" <jane@example.com>") // jane@example.com, "Doe, Jane"
    /// ```
    public static func parse(_ header: String) -> MailAddress? {
        parseList(header).first
    }

    /// Every mailbox of an address-list header (`To`, `Cc`, `Reply-To`): commas inside quotes,
    /// angle brackets or comments do not separate; group names (`Team: a@x, b@x;`) are dropped.
    /// Entries without a valid address are skipped.
    public static func parseList(_ header: String) -> [MailAddress] {
        splitList(header).compactMap(parseMailbox)
    }

    /// Whether `text` is a plain address: one `@`, a non-empty local part, a domain with a dot and
    /// no empty label, no whitespace, angle brackets, quotes or commas, at most 254 characters.
    public static func isValid(_ text: String) -> Bool {
        guard text.count <= 254, text.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7F }),
              !text.contains(where: { "<>\"(),;[]\\".contains($0) }) else { return false }
        let halves = text.split(separator: "@", omittingEmptySubsequences: false)
        guard halves.count == 2, !halves[0].isEmpty, halves[0].count <= 64 else { return false }
        let labels = halves[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }

    /// Splits at commas outside quotes, angle brackets and comments; drops group prefixes.
    static func splitList(_ header: String) -> [String] {
        var entries: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        var angle = 0
        var comment = 0
        for character in header {
            if escaped {
                escaped = false
                current.append(character)
                continue
            }
            switch character {
            case "\\" where quoted || comment > 0:
                escaped = true
            case "\"" where comment == 0:
                quoted.toggle()
            case "<" where !quoted && comment == 0:
                angle += 1
            case ">" where !quoted && comment == 0:
                angle = max(0, angle - 1)
            case "(" where !quoted:
                comment += 1
            case ")" where !quoted:
                comment = max(0, comment - 1)
            case ":" where !quoted && angle == 0 && comment == 0:
                // A group's name ("undisclosed-recipients:") introduces its members.
                current = ""
                continue
            case ",", ";":
                if !quoted && angle == 0 && comment == 0 {
                    entries.append(current)
                    current = ""
                    continue
                }
            default:
                break
            }
            current.append(character)
        }
        entries.append(current)
        return entries.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// One mailbox: `Name <addr>`, `<addr>`, `addr (Name)` or `addr`.
    static func parseMailbox(_ entry: String) -> MailAddress? {
        if let open = entry.lastIndex(of: "<"), let close = entry[open...].firstIndex(of: ">") {
            let address = entry[entry.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            guard isValid(address) else { return nil }
            let name = cleanName(String(entry[..<open]) + String(entry[entry.index(after: close)...]))
            return MailAddress(address: address, displayName: name)
        }
        var address = ""
        var comment = ""
        var depth = 0
        for character in entry {
            switch character {
            case "(":
                if depth > 0 { comment.append(character) }
                depth += 1
            case ")" where depth > 0:
                depth -= 1
                if depth > 0 { comment.append(character) }
            default:
                if depth > 0 { comment.append(character) } else { address.append(character) }
            }
        }
        address = address.trimmingCharacters(in: .whitespaces)
        guard isValid(address) else { return nil }
        return MailAddress(address: address, displayName: cleanName(comment))
    }

    /// A display name with encoded-words decoded, quotes and escapes removed and whitespace
    /// collapsed; nil when empty.
    static func cleanName(_ raw: String) -> String? {
        var text = EncodedWord.decode(raw.trimmingCharacters(in: .whitespacesAndNewlines))
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 {
            text = HeaderValue.unquote(text)
        }
        text = text.replacingOccurrences(of: "\"", with: "")
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.isEmpty ? nil : collapsed
    }
}
