import Foundation

extension HTMLText {
    /// Accumulates text into lines, tracking blockquote depth, lists and `<pre>`.
    struct Builder {
        private var lines: [(depth: Int, text: String, keepsIndent: Bool)] = []
        private var current = ""
        private var currentKeepsIndent = false
        private var pendingSpace = false
        private var quoteDepth = 0
        private var preDepth = 0
        private var lists: [(ordered: Bool, count: Int)] = []

        mutating func apply(_ tag: HTMLText.Tag) {
            switch tag.name {
            case "br":
                breakLine(force: true)
            case "blockquote":
                paragraph()
                quoteDepth = max(0, quoteDepth + (tag.isClosing ? -1 : 1))
            case "pre":
                paragraph()
                preDepth = max(0, preDepth + (tag.isClosing ? -1 : 1))
            case "ul", "ol":
                paragraph()
                if tag.isClosing {
                    _ = lists.popLast()
                } else if !tag.isSelfClosing {
                    lists.append((tag.name == "ol", 0))
                }
            case "li" where !tag.isClosing:
                breakLine()
                if lists.isEmpty {
                    current = "- "
                } else {
                    lists[lists.count - 1].count += 1
                    let list = lists[lists.count - 1]
                    current = String(repeating: "  ", count: lists.count - 1) + (list.ordered ? "\(list.count). " : "- ")
                }
                currentKeepsIndent = true
                pendingSpace = false
            case "td", "th":
                if !tag.isClosing, !current.isEmpty { pendingSpace = true }
            default:
                if HTMLText.paragraphElements.contains(tag.name) {
                    paragraph()
                } else if HTMLText.lineElements.contains(tag.name) {
                    breakLine()
                }
            }
        }

        /// Text from the document: whitespace collapses outside `<pre>`.
        mutating func append(_ scalar: Unicode.Scalar) {
            if preDepth > 0 {
                currentKeepsIndent = true
                if scalar == "\n" {
                    breakLine(force: true)
                } else if scalar != "\r" {
                    current.unicodeScalars.append(scalar)
                }
                return
            }
            if scalar.properties.isWhitespace && scalar != "\u{00A0}" {
                pendingSpace = !current.isEmpty
                return
            }
            if pendingSpace {
                current.append(" ")
                pendingSpace = false
            }
            current.unicodeScalars.append(scalar)
        }

        /// Text from a character reference: never collapsed, a no-break space becomes a space.
        mutating func appendLiteral(_ text: String) {
            if pendingSpace {
                current.append(" ")
                pendingSpace = false
            }
            current += text.replacingOccurrences(of: "\u{00A0}", with: " ")
        }

        /// Ends the current line; an empty one only when `force`d (`<br>`).
        mutating func breakLine(force: Bool = false) {
            let text = current.replacingOccurrences(of: "\u{00A0}", with: " ")
            if force || !text.allSatisfy(\.isWhitespace) {
                lines.append((quoteDepth, text, currentKeepsIndent))
            }
            current = ""
            currentKeepsIndent = false
            pendingSpace = false
        }

        /// Ends the current line and leaves a blank line after it.
        mutating func paragraph() {
            breakLine()
            if let last = lines.last, !last.text.allSatisfy(\.isWhitespace) {
                lines.append((quoteDepth, "", false))
            }
        }

        /// The lines, trimmed, quoted by depth, without leading, trailing or repeated blank lines.
        mutating func finish() -> String {
            breakLine()
            var output: [String] = []
            for line in lines {
                var text = Substring(line.text)
                while let last = text.last, last.isWhitespace { text.removeLast() }
                if !line.keepsIndent { while let first = text.first, first == " " { text.removeFirst() } }
                let prefix = line.depth > 0 && !text.isEmpty ? String(repeating: ">", count: line.depth) + " " : ""
                let rendered = prefix + text
                if rendered.isEmpty, output.last?.isEmpty ?? true { continue }
                output.append(rendered)
            }
            while output.last?.isEmpty == true { output.removeLast() }
            return output.joined(separator: "\n")
        }
    }
}
