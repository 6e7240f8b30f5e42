/// `format=flowed` text (RFC 3676): a line ending in a space continues on the next line.
enum FlowedText {
    /// `text` with flowed lines joined: a line that ends in a space is joined with the next one
    /// when both have the same quote depth; the signature separator `-- ` is never joined.
    /// Space-stuffing (a leading space added before `>`, `From ` or a space) is removed.
    static func unflow(_ text: String, deleteSpace: Bool) -> String {
        let lines = EmailText.normalizingNewlines(text).split(separator: "\n", omittingEmptySubsequences: false)
        var result: [String] = []
        var open: (depth: Int, text: String)?
        for rawLine in lines {
            let depth = rawLine.prefix { $0 == ">" }.count
            var content = rawLine.dropFirst(depth)
            if content.hasPrefix(" ") { content = content.dropFirst() }
            let quote = String(repeating: ">", count: depth) + (depth > 0 ? " " : "")
            let isSignature = content == "-- "
            let flows = content.hasSuffix(" ") && !isSignature
            if let current = open, current.depth == depth {
                open = (depth, current.text + content)
            } else {
                if let current = open { result.append(current.text) }
                open = (depth, quote + content)
            }
            if !flows, let current = open {
                result.append(current.text)
                open = nil
            } else if flows, deleteSpace, let current = open {
                open = (depth, String(current.text.dropLast()))
            }
        }
        if let current = open { result.append(current.text) }
        return result.joined(separator: "\n")
    }
}
