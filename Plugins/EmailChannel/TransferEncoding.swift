import Foundation

/// MIME content transfer encodings (RFC 2045 §6): how a part's bytes travel in 7-bit mail.
public enum TransferEncoding {
    /// The bytes of a part's body once its `Content-Transfer-Encoding` is undone: quoted-printable
    /// and base64 are decoded; `7bit`, `8bit`, `binary`, absent or unknown values are kept as they are.
    public static func decode(_ body: ArraySlice<UInt8>, encoding: String?) -> [UInt8] {
        switch encoding?.trimmingCharacters(in: .whitespaces).lowercased() {
        case "quoted-printable": quotedPrintable(body)
        case "base64": base64(body) ?? Array(body)
        default: Array(body)
        }
    }

    /// Decodes quoted-printable: `=XX` is a byte in hex (either case), `=` at the end of a line is
    /// a soft line break, whitespace at the end of a line is transport padding and dropped. An `=`
    /// that starts neither is kept as it is, as RFC 2045 advises for robustness.
    public static func quotedPrintable(_ input: some Collection<UInt8>) -> [UInt8] {
        let bytes = Array(input)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        var pendingWhitespace: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                pendingWhitespace.append(byte)
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") {
                // Whitespace before a line break was added in transport.
                pendingWhitespace.removeAll()
                out.append(byte)
                index += 1
                continue
            }
            out.append(contentsOf: pendingWhitespace)
            pendingWhitespace.removeAll()
            guard byte == UInt8(ascii: "=") else {
                out.append(byte)
                index += 1
                continue
            }
            if let end = softBreakEnd(in: bytes, after: index) {
                index = end
            } else if index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(byte)
                index += 1
            }
        }
        out.append(contentsOf: pendingWhitespace)
        return out
    }

    /// Decodes base64, ignoring line breaks and any other character outside the alphabet, and
    /// tolerating missing padding. Nil when what is left cannot be base64.
    public static func base64(_ input: some Collection<UInt8>) -> [UInt8]? {
        var alphabet = input.filter { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"): true
            default: false
            }
        }
        guard alphabet.count % 4 != 1 else { return nil }
        while alphabet.count % 4 != 0 { alphabet.append(UInt8(ascii: "=")) }
        return Data(base64Encoded: Data(alphabet)).map(Array.init)
    }

    /// The index after a soft line break that starts with the `=` at `index` (`=` then optional
    /// whitespace then CRLF or LF), or nil when the `=` does not start one. An `=` at the very
    /// end of the body is a soft break too.
    private static func softBreakEnd(in bytes: [UInt8], after index: Int) -> Int? {
        var cursor = index + 1
        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t") {
            cursor += 1
        }
        if cursor == bytes.count { return cursor }
        if bytes[cursor] == UInt8(ascii: "\n") { return cursor + 1 }
        if bytes[cursor] == UInt8(ascii: "\r") {
            return cursor + 1 < bytes.count && bytes[cursor + 1] == UInt8(ascii: "\n") ? cursor + 2 : cursor + 1
        }
        return nil
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
