import Foundation

/// Decodes RFC 2047 encoded-words in header text: `=?charset?B?base64?=` and
/// `=?charset?Q?quoted_printable?=`, in any charset ``Charset`` reads.
///
/// Whitespace between two adjacent encoded-words is dropped, as the RFC says, and adjacent words
/// in the same charset are decoded together, so a character split across two words survives.
/// A malformed encoded-word is left as it is. Words inside quoted strings are decoded too, as
/// mail clients do, because many senders put them there.
public enum EncodedWord {
    /// `text` with its encoded-words decoded.
    ///
    /// ```swift
    /// EncodedWord.decode("=?iso-8859-1?Q?Gr=FC=DFe?= aus =?UTF-8?B?TcO8bmNoZW4=?=") // "Grüße aus München"
    /// ```
    public static func decode(_ text: String) -> String {
        guard text.contains("=?") else { return text }
        var result = ""
        var pending: (charset: String, bytes: [UInt8])?
        var whitespaceSincePending = ""
        var rest = Substring(text)

        func flush() {
            if let current = pending {
                result += Charset.decode(current.bytes, charset: current.charset)
                pending = nil
            }
        }

        while !rest.isEmpty {
            if rest.hasPrefix("=?"), let (word, after) = parseWord(rest) {
                if let current = pending, current.charset == word.charset {
                    pending = (current.charset, current.bytes + word.bytes)
                } else {
                    flush()
                    pending = word
                }
                whitespaceSincePending = ""
                rest = after
                continue
            }
            let character = rest.removeFirst()
            if pending != nil, character.isWhitespace {
                // Dropped if another encoded-word follows, kept otherwise.
                whitespaceSincePending.append(character)
                continue
            }
            flush()
            result += whitespaceSincePending
            whitespaceSincePending = ""
            result.append(character)
        }
        flush()
        result += whitespaceSincePending
        return result
    }

    /// The encoded-word at the start of `text` (charset lower-cased, decoded bytes) and the text
    /// after it, or nil when `text` does not start with a well-formed one.
    private static func parseWord(_ text: Substring) -> ((charset: String, bytes: [UInt8]), Substring)? {
        let body = text.dropFirst(2)
        let pieces = body.split(separator: "?", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, !pieces[0].isEmpty, pieces[1].count == 1 else { return nil }
        guard let end = pieces[2].range(of: "?=") else { return nil }
        let payload = pieces[2][..<end.lowerBound]
        guard !payload.contains(" "), !payload.contains("\t") else { return nil }
        let bytes: [UInt8]?
        switch pieces[1].lowercased() {
        case "b": bytes = TransferEncoding.base64(payload.utf8)
        case "q": bytes = qDecoded(payload)
        default: bytes = nil
        }
        guard let bytes else { return nil }
        let charset = Charset.normalizedName(String(pieces[0])) ?? "utf-8"
        return ((charset, bytes), pieces[2][end.upperBound...])
    }

    /// The "Q" encoding: quoted-printable where `_` is a space.
    private static func qDecoded(_ payload: Substring) -> [UInt8] {
        let utf8 = Array(payload.utf8)
        var out: [UInt8] = []
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == UInt8(ascii: "_") {
                out.append(UInt8(ascii: " "))
                index += 1
            } else if byte == UInt8(ascii: "="), index + 2 < utf8.count,
                      let high = TransferEncoding.hexValue(utf8[index + 1]), let low = TransferEncoding.hexValue(utf8[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }
}
