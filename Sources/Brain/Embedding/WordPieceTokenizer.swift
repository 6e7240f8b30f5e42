/// BERT's uncased WordPiece tokenizer: text in, token ids for a BERT-style encoder out.
///
/// It gives the ids Hugging Face `tokenizers` gives for the `tokenizer.json` of an uncased BERT
/// model such as all-MiniLM-L6-v2, with truncation on and padding off:
/// 1. special tokens written in the text (`[CLS]`, `[SEP]`, `[MASK]`, …) are their own ids;
/// 2. the rest is normalized and split into words (see `BasicTokenizer`);
/// 3. each word becomes the longest vocabulary entries that cover it, left to right, pieces after
///    the first carrying the `##` prefix; a word that cannot be covered, or is longer than
///    100 scalars, becomes `[UNK]`;
/// 4. the pieces are cut to `maxLength - 2` and wrapped in `[CLS]` … `[SEP]`.
///
/// ```swift
/// let tokenizer = try WordPieceTokenizer(vocabularyFile: modelDirectory.appending(path: "vocab.txt"))
/// tokenizer.encode("Do you open on Sundays?")  // [101, 2079, 2017, 2330, 2006, 14803, 1029, 102]
/// ```
///
/// Encoding ASCII text allocates only the result and two small buffers; other text also builds
/// one or two strings for NFD. A tokenizer is immutable and safe to use from any thread.
public struct WordPieceTokenizer: Sendable {
    /// `[CLS]`, which starts every encoding.
    public let classifierTokenID: Int32
    /// `[SEP]`, which ends every encoding.
    public let separatorTokenID: Int32
    /// `[PAD]`, for callers that pad a batch to one length (its attention mask is 0).
    public let paddingTokenID: Int32
    /// `[UNK]`, for words the vocabulary cannot cover.
    public let unknownTokenID: Int32
    /// How many token ids the vocabulary has; every id is below it.
    public var vocabularySize: Int { vocabulary.count }

    let vocabulary: WordPieceVocabulary
    let specialTokens: WordPieceSpecialTokens
    let basicTokenizer = BasicTokenizer()
    /// Longer words become `[UNK]` whole (`max_input_chars_per_word`, counted in scalars).
    let maxScalarsPerWord: Int

    init(
        vocabulary: WordPieceVocabulary,
        specialTokens: WordPieceSpecialTokens,
        unknownToken: String,
        maxScalarsPerWord: Int
    ) throws(WordPieceTokenizerError) {
        func require(_ token: String) throws(WordPieceTokenizerError) -> Int32 {
            guard let id = vocabulary.id(of: token) ?? specialTokens.id(of: token) else {
                throw .missingToken(token)
            }
            return id
        }
        self.vocabulary = vocabulary
        self.specialTokens = specialTokens
        self.maxScalarsPerWord = maxScalarsPerWord
        classifierTokenID = try require("[CLS]")
        separatorTokenID = try require("[SEP]")
        paddingTokenID = try require("[PAD]")
        unknownTokenID = try require(unknownToken)
    }

    /// Encodes one text.
    ///
    /// - Parameters:
    ///   - text: any text; nothing in it is an error.
    ///   - maxLength: the most ids returned, `[CLS]` and `[SEP]` included (at least 2); the
    ///     word pieces past `maxLength - 2` are dropped. all-MiniLM-L6-v2 reads 256.
    /// - Returns: `[CLS]`, the word pieces, `[SEP]`.
    public func encode(_ text: String, maxLength: Int = 256) -> [Int32] {
        let pieceLimit = max(maxLength, 2) - 2
        var ids: [Int32] = [classifierTokenID]
        ids.reserveCapacity(min(pieceLimit, text.utf8.count + 8) + 2)
        // Locals, not `self`, in the closures: capturing `self` would copy the whole tokenizer
        // (and retain each of its arrays) for every word.
        let basicTokenizer = basicTokenizer
        let unknownTokenID = unknownTokenID
        let maxScalarsPerWord = maxScalarsPerWord
        vocabulary.withMatcher { matcher in
            specialTokens.forEachSegment(of: text) { segment in
                switch segment {
                case .special(let id):
                    ids.append(id)
                case .text(let slice):
                    basicTokenizer.forEachWord(in: slice) { word, scalarCount in
                        if scalarCount > maxScalarsPerWord {
                            ids.append(unknownTokenID)
                        } else {
                            Self.appendPieces(of: word, using: matcher, unknownTokenID: unknownTokenID, to: &ids)
                        }
                        return ids.count <= pieceLimit
                    }
                }
                return ids.count <= pieceLimit
            }
        }
        if ids.count > pieceLimit + 1 { ids.removeSubrange((pieceLimit + 1)...) }
        ids.append(separatorTokenID)
        return ids
    }

    /// Encodes several texts, each as `encode(_:maxLength:)` does; no padding.
    public func encode(batch texts: [String], maxLength: Int = 256) -> [[Int32]] {
        texts.map { encode($0, maxLength: maxLength) }
    }

    /// The vocabulary entry for `id` (`"##ing"`, `"[CLS]"`), or nil for an unknown id.
    public func token(forID id: Int32) -> String? {
        vocabulary.token(forID: id) ?? specialTokens.token(forID: id)
    }

    /// Appends the WordPiece pieces of one normalized word, or `[UNK]` when the vocabulary
    /// cannot cover it.
    @inline(__always)
    private static func appendPieces(
        of word: UnsafeBufferPointer<UInt8>,
        using matcher: WordPieceVocabulary.Matcher,
        unknownTokenID: Int32,
        to ids: inout [Int32]
    ) {
        let firstPiece = ids.count
        var start = 0
        while start < word.count {
            guard let match = matcher.longestMatch(in: word, from: start) else {
                ids.removeSubrange(firstPiece...)
                ids.append(unknownTokenID)
                return
            }
            ids.append(match.id)
            start = match.end
        }
    }
}
