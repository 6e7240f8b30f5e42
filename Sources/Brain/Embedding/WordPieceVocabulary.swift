/// A WordPiece vocabulary stored as a trie over the tokens' UTF-8 bytes.
///
/// WordPiece takes, at each position of a word, the longest vocabulary entry that starts there.
/// One walk down the trie finds it without building a single substring. Continuation pieces
/// (`##ing`) are the same trie entered below the node for the prefix `##`.
///
/// The trie is flat: nodes are numbered breadth-first, so the children of a node are a
/// contiguous run of node numbers, sorted by the byte on the edge that leads to them.
struct WordPieceVocabulary: Sendable {
    /// Children of node `n` are the nodes `childStart[n] ..< childStart[n + 1]`.
    private let childStart: [Int32]
    /// The byte on the edge into each node (unused for the root).
    private let edgeByte: [UInt8]
    /// The token id that ends at each node, or -1.
    private let tokenID: [Int32]
    /// Token text by id, for `token(forID:)`; empty where an id has no token.
    private let tokensByID: [String]
    /// The node reached by the continuation prefix, or nil when no token starts with it.
    private let continuationNode: Int32?

    /// The number of distinct tokens.
    let count: Int

    /// Builds the trie.
    /// - Parameters:
    ///   - tokens: each token with its id; when a token appears twice the later entry wins.
    ///   - continuingSubwordPrefix: the prefix of pieces that continue a word (`##`).
    init(tokens: [(token: String, id: Int32)], continuingSubwordPrefix: String) {
        var entries: [(bytes: [UInt8], id: Int32)] = tokens.map { (Array($0.token.utf8), $0.id) }
        // Lexicographic by bytes; among equal tokens the later one comes last (stable order).
        let indexed = entries.enumerated().sorted { lhs, rhs in
            lhs.element.bytes.lexicographicallyPrecedes(rhs.element.bytes)
                || (lhs.element.bytes == rhs.element.bytes && lhs.offset < rhs.offset)
        }
        entries = indexed.map(\.element)

        var childStart: [Int32] = []
        var edgeByte: [UInt8] = [0]
        var tokenID: [Int32] = []
        // Each queued node covers the entries `range` that share its first `depth` bytes.
        var queue: [(range: Range<Int>, depth: Int)] = [(0 ..< entries.count, 0)]
        var head = 0
        var distinct = 0
        while head < queue.count {
            let (range, depth) = queue[head]
            head += 1
            var index = range.lowerBound
            var id: Int32 = -1
            while index < range.upperBound, entries[index].bytes.count == depth {
                id = entries[index].id
                index += 1
            }
            if id >= 0 { distinct += 1 }
            tokenID.append(id)
            childStart.append(Int32(queue.count))
            while index < range.upperBound {
                let byte = entries[index].bytes[depth]
                var end = index + 1
                while end < range.upperBound, entries[end].bytes[depth] == byte { end += 1 }
                queue.append((index ..< end, depth + 1))
                edgeByte.append(byte)
                index = end
            }
        }
        childStart.append(Int32(queue.count))

        var tokensByID = [String](repeating: "", count: Int((tokens.map(\.id).max() ?? -1) + 1))
        for (token, id) in tokens where id >= 0 { tokensByID[Int(id)] = token }

        self.childStart = childStart
        self.edgeByte = edgeByte
        self.tokenID = tokenID
        self.tokensByID = tokensByID
        self.count = distinct
        self.continuationNode = Self.node(
            reaching: Array(continuingSubwordPrefix.utf8), childStart: childStart, edgeByte: edgeByte)
    }

    /// The id of `token`, or nil when it is not in the vocabulary.
    func id(of token: String) -> Int32? {
        guard let node = Self.node(reaching: Array(token.utf8), childStart: childStart, edgeByte: edgeByte)
        else { return nil }
        let id = tokenID[Int(node)]
        return id >= 0 ? id : nil
    }

    /// The token text for `id`, or nil when no token has it.
    func token(forID id: Int32) -> String? {
        guard id >= 0, Int(id) < tokensByID.count, !tokensByID[Int(id)].isEmpty else { return nil }
        return tokensByID[Int(id)]
    }

    /// Calls `body` with a matcher over this vocabulary's storage, valid only during the call:
    /// taking the storage once per text keeps the per-piece lookups free of reference counting.
    func withMatcher<Result>(_ body: (Matcher) -> Result) -> Result {
        childStart.withUnsafeBufferPointer { childStart in
            edgeByte.withUnsafeBufferPointer { edgeByte in
                tokenID.withUnsafeBufferPointer { tokenID in
                    body(
                        Matcher(
                            childStart: childStart,
                            edgeByte: edgeByte,
                            tokenID: tokenID,
                            continuationNode: continuationNode
                        )
                    )
                }
            }
        }
    }

    /// Finds the longest vocabulary entries in words; see `withMatcher(_:)`.
    struct Matcher {
        fileprivate let childStart: UnsafeBufferPointer<Int32>
        fileprivate let edgeByte: UnsafeBufferPointer<UInt8>
        fileprivate let tokenID: UnsafeBufferPointer<Int32>
        fileprivate let continuationNode: Int32?

        /// The longest token that matches `word` from byte `start` on.
        ///
        /// - Parameters:
        ///   - word: a word's UTF-8 bytes.
        ///   - start: where the piece starts; a piece after the first is looked up as a continuation.
        /// - Returns: the byte offset where the match ends and its id, or nil when nothing matches.
        @inline(__always)
        func longestMatch(in word: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, id: Int32)? {
            var node: Int32
            if start == 0 {
                node = 0
            } else if let continuationNode {
                node = continuationNode
            } else {
                return nil
            }
            var best: (end: Int, id: Int32)?
            var position = start
            while position < word.count,
                let next = WordPieceVocabulary.child(
                    of: node, byte: word[position], childStart: childStart, edgeByte: edgeByte)
            {
                node = next
                position += 1
                let id = tokenID[Int(node)]
                if id >= 0 { best = (position, id) }
            }
            return best
        }
    }

    private static func node(reaching bytes: [UInt8], childStart: [Int32], edgeByte: [UInt8]) -> Int32? {
        childStart.withUnsafeBufferPointer { childStart in
            edgeByte.withUnsafeBufferPointer { edgeByte in
                var node: Int32 = 0
                for byte in bytes {
                    guard let next = child(of: node, byte: byte, childStart: childStart, edgeByte: edgeByte)
                    else { return nil }
                    node = next
                }
                return node
            }
        }
    }

    @inline(__always)
    fileprivate static func child(
        of node: Int32,
        byte: UInt8,
        childStart: UnsafeBufferPointer<Int32>,
        edgeByte: UnsafeBufferPointer<UInt8>
    ) -> Int32? {
        var low = Int(childStart[Int(node)])
        var high = Int(childStart[Int(node) + 1])
        while low < high {
            let middle = (low + high) >> 1
            let candidate = edgeByte[middle]
            if candidate == byte { return Int32(middle) }
            if candidate < byte { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}
