import ChannelKit
import Foundation

/// Message identifiers (RFC 5322 §3.6.4) as the email channel uses them: without angle brackets
/// inside the gateway (provider message ids, thread keys), with them in headers.
public enum MessageID {
    /// The prefix of an id the adapter makes up for a message that has no `Message-ID`.
    public static let generatedPrefix = "generated-"
    /// The most ids kept in a `References` chain: the first (the thread's root) and the latest.
    public static let maxReferences = 20

    /// The ids in a `Message-ID`, `In-Reply-To` or `References` value, in order, without angle
    /// brackets: each `<…>`; when there is none, each whitespace-separated word with an `@`
    /// (some clients forget the brackets). Comments and duplicates are dropped.
    ///
    /// ```swift
    /// MessageID.ids(in: "<a@x.example> (first)\r\n <b@y.example>") // ["a@x.example", "b@y.example"]
    /// ```
    public static func ids(in header: String?) -> [String] {
        guard let header, !header.isEmpty else { return [] }
        var ids: [String] = []
        var rest = Substring(header)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let id = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if !id.isEmpty, !id.contains(where: \.isWhitespace), !ids.contains(id) { ids.append(id) }
            rest = rest[rest.index(after: close)...]
        }
        if ids.isEmpty {
            for word in header.split(whereSeparator: \.isWhitespace) where word.contains("@") {
                let id = word.trimmingCharacters(in: CharacterSet(charactersIn: "<>,;()"))
                if !id.isEmpty, !ids.contains(id) { ids.append(id) }
            }
        }
        return ids
    }

    /// `id` in angle brackets, for a header.
    public static func bracketed(_ id: String) -> String {
        "<\(id)>"
    }

    /// Whether `id` can go in an `In-Reply-To` or `References` header: a real message id (it has
    /// an `@`, no whitespace or brackets), not one the adapter generated.
    public static func isHeaderSafe(_ id: String) -> Bool {
        !id.hasPrefix(generatedPrefix) && id.contains("@") && id.count <= 250
            && !id.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
    }

    /// A stable id for a message without `Message-ID`: `generated-` and the first 40 hex digits
    /// of the SHA-256 of its sender, date, subject and body, so that SendGrid's retry of the same
    /// email is recognized as a duplicate.
    public static func generated(from: String, date: String, subject: String, body: String) -> String {
        let material = [from.lowercased(), date, subject, body].joined(separator: "\u{0}")
        return generatedPrefix + Signature.sha256Hex(Data(material.utf8)).prefix(40)
    }

    /// A `References` chain kept to ``maxReferences`` ids: the first (the root, which threading
    /// relies on) and the most recent ones, as RFC 5322 suggests trimming.
    public static func trimmed(_ ids: [String]) -> [String] {
        guard ids.count > maxReferences else { return ids }
        return [ids[0]] + ids.suffix(maxReferences - 1)
    }
}
