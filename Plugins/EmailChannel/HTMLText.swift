import Foundation

/// Turns an HTML email body into plain text for a message that has no text part.
///
/// - `<head>`, `<style>`, `<script>`, `<title>`, `<template>` and comments are dropped.
/// - Block elements (`p`, `div`, headings, `tr`, lists, `table`…) start new lines, paragraphs and
///   headings are separated by a blank line, `<br>` breaks the line, `<li>` becomes `- item`
///   (`1. item` in an ordered list), table cells are separated by spaces.
/// - `<blockquote>` lines are prefixed with `> ` (nested: `>> `), so the quoted history of an
///   HTML reply (Gmail's `gmail_quote`, Apple Mail's `type="cite"`) is recognized by
///   ``EmailReplyExtractor`` like a plain-text quote.
/// - Links keep their text; images are dropped.
/// - Character references are decoded: named ones (`&amp;`, `&nbsp;`, `&eacute;`, `&hellip;`…)
///   and numeric ones (`&#39;`, `&#x2014;`); unknown names are kept as written.
/// - Whitespace runs collapse to one space outside `<pre>`.
public enum HTMLText {
    /// The text of `html`.
    ///
    /// ```swift
    /// HTMLText.plainText("<p>Hello&nbsp;<b>Jane</b>,</p><p>See you<br>soon</p>") // "Hello Jane,\n\nSee you\nsoon"
    /// ```
    public static func plainText(_ html: String) -> String {
        var builder = Builder()
        let scalars = Array(html.unicodeScalars)
        var index = 0
        var skipping: String?
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                if let end = commentEnd(scalars, at: index) {
                    index = end
                    continue
                }
                if let (tag, end) = readTag(scalars, at: index) {
                    index = end
                    if let skipped = skipping {
                        if tag.isClosing && tag.name == skipped { skipping = nil }
                        continue
                    }
                    if !tag.isClosing && !tag.isSelfClosing && skippedElements.contains(tag.name) {
                        skipping = tag.name
                        continue
                    }
                    builder.apply(tag)
                    continue
                }
            }
            index += 1
            if skipping != nil { continue }
            if scalar == "&", let (decoded, end) = characterReference(scalars, at: index - 1) {
                builder.appendLiteral(decoded)
                index = end
                continue
            }
            builder.append(scalar)
        }
        return builder.finish()
    }

    /// Elements whose content is never text.
    static let skippedElements: Set<String> = ["head", "style", "script", "title", "template", "noscript", "xml"]
    /// Elements set apart by a blank line.
    static let paragraphElements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "pre", "hr", "form", "fieldset",
    ]
    /// Elements that start on a new line.
    static let lineElements: Set<String> = [
        "div", "tr", "li", "dt", "dd", "section", "article", "header", "footer", "nav", "aside", "address",
        "figure", "figcaption", "main", "center", "caption", "thead", "tbody", "tfoot", "body", "html",
    ]

    /// A tag: its lower-cased name and whether it closes (`</p>`) or closes itself (`<br/>`).
    struct Tag {
        var name: String
        var isClosing: Bool
        var isSelfClosing: Bool
    }

    /// The index after a comment, doctype or CDATA section starting at `index`, if one does.
    private static func commentEnd(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        guard index + 1 < scalars.count, scalars[index + 1] == "!" else { return nil }
        let isComment = index + 3 < scalars.count && scalars[index + 2] == "-" && scalars[index + 3] == "-"
        var cursor = index + (isComment ? 4 : 2)
        while cursor < scalars.count {
            if scalars[cursor] == ">" && (!isComment || (cursor >= 2 && scalars[cursor - 1] == "-" && scalars[cursor - 2] == "-")) {
                return cursor + 1
            }
            cursor += 1
        }
        return scalars.count
    }

    /// The tag starting at `index` and the index after it, or nil when the `<` starts no tag
    /// (`a < b` stays text). Attribute values in quotes may contain `>`.
    private static func readTag(_ scalars: [Unicode.Scalar], at index: Int) -> (Tag, Int)? {
        var cursor = index + 1
        let isClosing = cursor < scalars.count && scalars[cursor] == "/"
        if isClosing { cursor += 1 }
        var name = ""
        while cursor < scalars.count, scalars[cursor].properties.isAlphabetic || ("0"..."9").contains(scalars[cursor]) || scalars[cursor] == ":" {
            name.unicodeScalars.append(scalars[cursor])
            cursor += 1
        }
        guard !name.isEmpty else { return nil }
        var quote: Unicode.Scalar?
        var previous: Unicode.Scalar = " "
        while cursor < scalars.count {
            let scalar = scalars[cursor]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == ">" {
                return (Tag(name: name.lowercased(), isClosing: isClosing, isSelfClosing: previous == "/"), cursor + 1)
            }
            previous = scalar
            cursor += 1
        }
        return (Tag(name: name.lowercased(), isClosing: isClosing, isSelfClosing: false), scalars.count)
    }

    /// The text of a character reference starting at the `&` at `index`, and the index after it.
    private static func characterReference(_ scalars: [Unicode.Scalar], at index: Int) -> (String, Int)? {
        var cursor = index + 1
        var body = ""
        while cursor < scalars.count, cursor - index <= 12, scalars[cursor] != ";" {
            let scalar = scalars[cursor]
            guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "#" else { return nil }
            body.unicodeScalars.append(scalar)
            cursor += 1
        }
        guard cursor < scalars.count, scalars[cursor] == ";", !body.isEmpty else { return nil }
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value), value != 0 else { return nil }
            return (String(scalar), cursor + 1)
        }
        guard let named = namedReferences[body] ?? namedReferences[body.lowercased()] else { return nil }
        return (named, cursor + 1)
    }

    /// The named character references emails use in practice.
    static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "ensp": " ", "emsp": " ", "thinsp": " ", "zwnj": "", "zwj": "",
        "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–",
        "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„",
        "laquo": "«", "raquo": "»", "bull": "•", "middot": "·", "deg": "°", "euro": "€", "pound": "£",
        "yen": "¥", "cent": "¢", "sect": "§", "para": "¶", "times": "×", "divide": "÷", "plusmn": "±",
        "iexcl": "¡", "iquest": "¿", "shy": "",
        "agrave": "à", "aacute": "á", "acirc": "â", "atilde": "ã", "auml": "ä", "aring": "å", "aelig": "æ",
        "ccedil": "ç", "egrave": "è", "eacute": "é", "ecirc": "ê", "euml": "ë", "igrave": "ì", "iacute": "í",
        "icirc": "î", "iuml": "ï", "ntilde": "ñ", "ograve": "ò", "oacute": "ó", "ocirc": "ô", "otilde": "õ",
        "ouml": "ö", "oslash": "ø", "ugrave": "ù", "uacute": "ú", "ucirc": "û", "uuml": "ü", "yacute": "ý",
        "yuml": "ÿ", "szlig": "ß", "oelig": "œ",
        "Agrave": "À", "Aacute": "Á", "Acirc": "Â", "Atilde": "Ã", "Auml": "Ä", "Aring": "Å", "AElig": "Æ",
        "Ccedil": "Ç", "Egrave": "È", "Eacute": "É", "Ecirc": "Ê", "Euml": "Ë", "Igrave": "Ì", "Iacute": "Í",
        "Icirc": "Î", "Iuml": "Ï", "Ntilde": "Ñ", "Ograve": "Ò", "Oacute": "Ó", "Ocirc": "Ô", "Otilde": "Õ",
        "Ouml": "Ö", "Oslash": "Ø", "Ugrave": "Ù", "Uacute": "Ú", "Ucirc": "Û", "Uuml": "Ü", "Yacute": "Ý",
        "OElig": "Œ",
    ]
}
