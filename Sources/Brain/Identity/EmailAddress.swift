import Foundation

/// Email addresses in the one form identity links compare: trimmed and lower-cased.
///
/// ```swift
/// EmailAddress.normalize("  Ada <Ada@Example.COM> ")   // "ada@example.com"
/// EmailAddress.normalize("mailto:ada@example.com")     // "ada@example.com"
/// EmailAddress.normalize("ada@localhost")              // nil
/// ```
public enum EmailAddress {
    /// Characters that cannot appear unquoted in the local part (quoted local parts are not
    /// accepted: nobody types them into a chat).
    static let forbiddenInLocalPart = CharacterSet(charactersIn: "<>()[]\\,;:\"@").union(.whitespacesAndNewlines)

    /// Normalizes an email address, or returns nil if `raw` is not shaped `local@domain.tld`.
    ///
    /// Accepts a bare address, a `mailto:` URI (its `?subject=…` part is ignored) and the
    /// display-name form `Ada Lovelace <ada@example.com>`. Lower-cases the whole address,
    /// local part included: no mail provider a customer uses distinguishes case there.
    ///
    /// - Parameter raw: the address as a channel or a person gave it.
    public static func normalize(_ raw: String) -> String? {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)[...]
        if let open = text.lastIndex(of: "<") {
            guard let close = text[open...].firstIndex(of: ">") else { return nil }
            text = text[text.index(after: open)..<close]
        }
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)[...]
        if text.lowercased().hasPrefix("mailto:") {
            text = text.dropFirst("mailto:".count)
            if let query = text.firstIndex(of: "?") { text = text[..<query] }
        }
        let address = text.lowercased()
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard address.count <= 254, parts.count == 2, isLocalPart(parts[0]), isDomain(parts[1]) else { return nil }
        return address
    }

    /// 1 to 64 characters, no forbidden character, no leading, trailing or doubled dot.
    static func isLocalPart(_ local: Substring) -> Bool {
        guard (1...64).contains(local.count), !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
            return false
        }
        return local.unicodeScalars.allSatisfy { !forbiddenInLocalPart.contains($0) }
    }

    /// At least two labels of letters, digits and inner hyphens; the last one (the TLD) is at
    /// least two letters. Internationalized names are accepted in Unicode or `xn--` form.
    static func isDomain(_ domain: Substring) -> Bool {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let tld = labels.last, tld.count >= 2 else { return false }
        let tldIsValid = tld.allSatisfy(\.isLetter) || tld.hasPrefix("xn--")
        return tldIsValid && labels.allSatisfy { label in
            (1...63).contains(label.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }
}
