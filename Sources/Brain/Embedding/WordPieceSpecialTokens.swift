/// The special tokens (`[CLS]`, `[SEP]`, `[PAD]`, `[UNK]`, `[MASK]`) as `tokenizers` treats them
/// when they are written in the text itself: matched in the raw text, before any normalization,
/// anywhere (inside a word too), case-sensitively, the longest at the leftmost position winning;
/// each match is its own id and the text between matches is tokenized as usual.
struct WordPieceSpecialTokens: Sendable {
    /// A piece of the input: a special token, or ordinary text to normalize and split.
    enum Segment {
        case special(Int32)
        case text(Substring)
    }

    /// Tokens longest first, so the first that matches at a position is the longest.
    private let tokens: [(bytes: [UInt8], id: Int32)]
    /// `firstBytes[b]` is true when some token starts with byte `b`: a quick reject.
    private let firstBytes: [Bool]

    init(_ tokens: [(token: String, id: Int32)]) {
        self.tokens = tokens
            .map { (bytes: Array($0.token.utf8), id: $0.id) }
            .filter { !$0.bytes.isEmpty }
            .sorted { $0.bytes.count > $1.bytes.count }
        var firstBytes = [Bool](repeating: false, count: 256)
        for token in self.tokens { firstBytes[Int(token.bytes[0])] = true }
        self.firstBytes = firstBytes
    }

    /// The id of the special token `token`, or nil.
    func id(of token: String) -> Int32? {
        let bytes = Array(token.utf8)
        return tokens.first { $0.bytes == bytes }?.id
    }

    /// The text of the special token with `id`, or nil.
    func token(forID id: Int32) -> String? {
        tokens.first { $0.id == id }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// Calls `body` with the segments of `text` in order until it returns false.
    func forEachSegment(of text: String, _ body: (Segment) -> Bool) {
        guard !tokens.isEmpty else {
            _ = body(.text(text[...]))
            return
        }
        var text = text
        text.makeContiguousUTF8()
        let matches: [(start: Int, end: Int, id: Int32)] =
            text.utf8.withContiguousStorageIfAvailable(findMatches) ?? []
        guard !matches.isEmpty else {
            _ = body(.text(text[...]))
            return
        }
        let utf8 = text.utf8
        var textStart = 0
        for match in matches {
            if match.start > textStart {
                let lower = utf8.index(utf8.startIndex, offsetBy: textStart)
                let upper = utf8.index(utf8.startIndex, offsetBy: match.start)
                guard body(.text(text[lower ..< upper])) else { return }
            }
            guard body(.special(match.id)) else { return }
            textStart = match.end
        }
        if textStart < utf8.count {
            _ = body(.text(text[utf8.index(utf8.startIndex, offsetBy: textStart)...]))
        }
    }

    /// Byte ranges of the leftmost-longest, non-overlapping matches.
    private func findMatches(in bytes: UnsafeBufferPointer<UInt8>) -> [(start: Int, end: Int, id: Int32)] {
        var matches: [(start: Int, end: Int, id: Int32)] = []
        var position = 0
        search: while position < bytes.count {
            guard firstBytes[Int(bytes[position])] else {
                position += 1
                continue
            }
            for token in tokens where token.bytes.count <= bytes.count - position {
                if token.bytes.withUnsafeBufferPointer({ tokenBytes in
                    tokenBytes.indices.allSatisfy { tokenBytes[$0] == bytes[position + $0] }
                }) {
                    matches.append((position, position + token.bytes.count, token.id))
                    position += token.bytes.count
                    continue search
                }
            }
            position += 1
        }
        return matches
    }
}
