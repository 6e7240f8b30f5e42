import Foundation
#if canImport(CoreFoundation)
import CoreFoundation
#endif

/// Decodes the bytes of an email's text in the charset it declares (a MIME `charset` parameter,
/// an RFC 2047 encoded-word, SendGrid's `charsets` field), never failing.
///
/// UTF-8, US-ASCII, ISO-8859-1, ISO-8859-15 and Windows-1252 are decoded here, the same on every
/// platform; other IANA names (ISO-8859-2, KOI8-R, Shift_JIS, GB2312, Big5…) through Foundation
/// and CoreFoundation's IANA table where the platform has it. When the declared charset is
/// unknown or the bytes are not valid in it, the text is read as UTF-8 if it is valid UTF-8, else
/// as Windows-1252 (a superset of Latin-1 in which every byte means something), so a mislabelled
/// message still comes through readable.
public enum Charset {
    /// `bytes` as text in `charset` (an IANA name, any letter case; nil for "not declared").
    ///
    /// ```swift
    /// Charset.decode([0x47, 0x72, 0xFC, 0xDF, 0x65], charset: "iso-8859-1") // "Grüße"
    /// ```
    public static func decode(_ bytes: some Collection<UInt8>, charset: String?) -> String {
        let name = normalizedName(charset)
        if let name, let decoded = decodeStrictly(bytes, charset: name) {
            return decoded
        }
        if let utf8 = validUTF8(bytes) {
            return utf8
        }
        return windows1252(bytes)
    }

    /// The charset name in lower case without quotes, with common aliases resolved; nil when absent.
    static func normalizedName(_ charset: String?) -> String? {
        guard var name = charset?.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'"))),
              !name.isEmpty else { return nil }
        name = name.lowercased()
        // RFC 2231 allows a language after an asterisk in encoded-words: "utf-8*en".
        if let star = name.firstIndex(of: "*") { name = String(name[..<star]) }
        switch name {
        case "utf8", "unicode-1-1-utf-8": return "utf-8"
        case "ascii", "us_ascii", "ansi_x3.4-1968", "646": return "us-ascii"
        case "latin1", "latin-1", "l1", "iso8859-1", "iso_8859-1", "iso-8859-1:1987", "cp819": return "iso-8859-1"
        case "latin9", "latin-9", "iso8859-15", "iso_8859-15": return "iso-8859-15"
        case "cp1252", "windows1252", "x-cp1252", "ansi": return "windows-1252"
        // Outlook's names for Korean and simplified Chinese; GB18030 is a superset of GB2312 and GBK.
        case "ks_c_5601-1987", "ks_c_5601": return "euc-kr"
        case "gb2312", "gbk", "x-gbk", "cp936": return "gb18030"
        case "iso-8859-8-i": return "iso-8859-8"
        default: return name
        }
    }

    /// The text, or nil when the charset is unknown here or the bytes are not valid in it.
    static func decodeStrictly(_ bytes: some Collection<UInt8>, charset name: String) -> String? {
        switch name {
        case "utf-8":
            return validUTF8(bytes)
        case "us-ascii":
            // Mail declared as ASCII often carries 8-bit text anyway; only pure ASCII is taken as such.
            return bytes.allSatisfy { $0 < 0x80 } ? String(decoding: bytes, as: UTF8.self) : nil
        case "iso-8859-1":
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case "iso-8859-15":
            return String(String.UnicodeScalarView(bytes.map(latin9Scalar)))
        case "windows-1252":
            return windows1252(bytes)
        default:
            guard let encoding = foundationEncoding(name) else { return nil }
            return String(data: Data(bytes), encoding: encoding)
        }
    }

    /// `bytes` as UTF-8 text, or nil when they are not valid UTF-8 (decoding would repair them).
    static func validUTF8(_ bytes: some Collection<UInt8>) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.utf8.elementsEqual(bytes) ? text : nil
    }

    /// Windows-1252: Latin-1 with printable characters in 0x80–0x9F; the five bytes it leaves
    /// undefined are read as their Latin-1 control characters, so decoding never fails.
    static func windows1252(_ bytes: some Collection<UInt8>) -> String {
        String(String.UnicodeScalarView(bytes.map { byte in
            guard (0x80...0x9F).contains(byte), let mapped = windows1252High[Int(byte - 0x80)] else {
                return Unicode.Scalar(byte)
            }
            return mapped
        }))
    }

    /// Characters of Windows-1252 at 0x80…0x9F; nil where the code page leaves the byte undefined.
    private static let windows1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    /// ISO-8859-15: Latin-1 with eight positions changed (the euro sign among them).
    private static func latin9Scalar(_ byte: UInt8) -> Unicode.Scalar {
        switch byte {
        case 0xA4: "\u{20AC}"
        case 0xA6: "\u{0160}"
        case 0xA8: "\u{0161}"
        case 0xB4: "\u{017D}"
        case 0xB8: "\u{017E}"
        case 0xBC: "\u{0152}"
        case 0xBD: "\u{0153}"
        case 0xBE: "\u{0178}"
        default: Unicode.Scalar(byte)
        }
    }

    /// Foundation's encoding for an IANA charset name, if the platform knows it.
    private static func foundationEncoding(_ name: String) -> String.Encoding? {
        switch name {
        case "iso-8859-2": return .isoLatin2
        case "windows-1250": return .windowsCP1250
        case "windows-1251": return .windowsCP1251
        case "windows-1253": return .windowsCP1253
        case "windows-1254": return .windowsCP1254
        case "utf-16": return .utf16
        case "utf-16be": return .utf16BigEndian
        case "utf-16le": return .utf16LittleEndian
        case "shift_jis", "shift-jis", "sjis", "x-sjis": return .shiftJIS
        case "euc-jp": return .japaneseEUC
        case "iso-2022-jp": return .iso2022JP
        default: break
        }
        #if canImport(CoreFoundation)
        guard let cfName = CFStringCreateWithCString(nil, name, CFStringBuiltInEncodings.UTF8.rawValue) else { return nil }
        let encoding = CFStringConvertIANACharSetNameToEncoding(cfName)
        guard encoding != kCFStringEncodingInvalidId else { return nil }
        return String.Encoding(rawValue: UInt(CFStringConvertEncodingToNSStringEncoding(encoding)))
        #else
        return nil
        #endif
    }
}
