import Foundation

extension WordPieceTokenizer {
    /// The special tokens of BERT vocabularies, recognized in the text when the vocabulary has them.
    static let bertSpecialTokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]

    /// Loads a BERT `vocab.txt`: one token a line, the id of a token being its line number from 0.
    ///
    /// Uses BERT's defaults for the rest: `[UNK]` for unknown words, `##` before continuation
    /// pieces, words over 100 scalars unknown, and the special tokens `[PAD]`, `[UNK]`, `[CLS]`,
    /// `[SEP]` and `[MASK]` recognized in the text. For all-MiniLM-L6-v2 this gives the same ids as
    /// its `tokenizer.json`.
    ///
    /// - Parameter vocabularyFile: the `vocab.txt` file; lines end with `\n` or `\r\n`.
    /// - Throws: `WordPieceTokenizerError` when the file is unreadable, not UTF-8, or lacks a
    ///   `[CLS]`, `[SEP]`, `[PAD]` or `[UNK]` line.
    public init(vocabularyFile: URL) throws(WordPieceTokenizerError) {
        let data = try Self.contents(of: vocabularyFile)
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var tokens: [(token: String, id: Int32)] = []
        tokens.reserveCapacity(lines.count)
        for (index, var line) in lines.enumerated() {
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            guard let token = String(bytes: line, encoding: .utf8) else {
                throw .malformedFile(path: vocabularyFile.path, reason: "line \(index + 1) is not UTF-8")
            }
            tokens.append((token, Int32(index)))
        }
        let vocabulary = WordPieceVocabulary(tokens: tokens, continuingSubwordPrefix: "##")
        let specialTokens = Self.bertSpecialTokens.compactMap { token in
            vocabulary.id(of: token).map { (token: token, id: $0) }
        }
        try self.init(
            vocabulary: vocabulary,
            specialTokens: WordPieceSpecialTokens(specialTokens),
            unknownToken: "[UNK]",
            maxScalarsPerWord: 100
        )
    }

    /// Loads a Hugging Face `tokenizer.json` for uncased BERT WordPiece.
    ///
    /// Its vocabulary, unknown token, continuation prefix, word length limit and added tokens are
    /// used; its truncation and padding settings are not (`encode` takes `maxLength`, and never pads).
    ///
    /// - Parameter tokenizerJSON: the `tokenizer.json` file.
    /// - Throws: `WordPieceTokenizerError.unsupportedConfiguration` when the file asks for anything
    ///   this tokenizer would not reproduce exactly: another normalizer, pre-tokenizer or model,
    ///   cased text, or added tokens matched after normalization.
    public init(tokenizerJSON: URL) throws(WordPieceTokenizerError) {
        let data = try Self.contents(of: tokenizerJSON)
        let file: TokenizerFile
        do {
            file = try JSONDecoder().decode(TokenizerFile.self, from: data)
        } catch {
            throw .malformedFile(path: tokenizerJSON.path, reason: "\(error)")
        }
        try file.checkSupported()
        let model = file.model
        let prefix = model.continuingSubwordPrefix ?? "##"
        let vocabulary = WordPieceVocabulary(
            tokens: model.vocab.map { (token: $0.key, id: $0.value) },
            continuingSubwordPrefix: prefix
        )
        try self.init(
            vocabulary: vocabulary,
            specialTokens: WordPieceSpecialTokens(file.addedTokens.map { (token: $0.content, id: $0.id) }),
            unknownToken: model.unkToken,
            maxScalarsPerWord: model.maxInputCharsPerWord ?? 100
        )
    }

    private static func contents(of url: URL) throws(WordPieceTokenizerError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw .unreadableFile(path: url.path, reason: error.localizedDescription)
        }
    }
}

/// The parts of a `tokenizer.json` this tokenizer reads or checks.
private struct TokenizerFile: Decodable {
    struct Model: Decodable {
        var type: String
        var vocab: [String: Int32]
        var unkToken: String
        var continuingSubwordPrefix: String?
        var maxInputCharsPerWord: Int?

        enum CodingKeys: String, CodingKey {
            case type, vocab
            case unkToken = "unk_token"
            case continuingSubwordPrefix = "continuing_subword_prefix"
            case maxInputCharsPerWord = "max_input_chars_per_word"
        }
    }

    struct AddedToken: Decodable {
        var id: Int32
        var content: String
        var singleWord: Bool?
        var lstrip: Bool?
        var rstrip: Bool?
        var normalized: Bool?

        enum CodingKeys: String, CodingKey {
            case id, content, lstrip, rstrip, normalized
            case singleWord = "single_word"
        }
    }

    struct Normalizer: Decodable {
        var type: String
        var cleanText: Bool?
        var handleChineseChars: Bool?
        var stripAccents: Bool?
        var lowercase: Bool?

        enum CodingKeys: String, CodingKey {
            case type, lowercase
            case cleanText = "clean_text"
            case handleChineseChars = "handle_chinese_chars"
            case stripAccents = "strip_accents"
        }
    }

    struct TypeOnly: Decodable {
        var type: String
    }

    var model: Model
    var addedTokens: [AddedToken]
    var normalizer: Normalizer?
    var preTokenizer: TypeOnly?
    var postProcessor: TypeOnly?

    enum CodingKeys: String, CodingKey {
        case model, normalizer
        case addedTokens = "added_tokens"
        case preTokenizer = "pre_tokenizer"
        case postProcessor = "post_processor"
    }

    /// Throws unless the file describes uncased BERT WordPiece as `BasicTokenizer` implements it.
    func checkSupported() throws(WordPieceTokenizerError) {
        guard model.type == "WordPiece" else { throw .unsupportedConfiguration("model \(model.type)") }
        guard let normalizer, normalizer.type == "BertNormalizer" else {
            throw .unsupportedConfiguration("normalizer \(normalizer?.type ?? "none")")
        }
        // `tokenizers` defaults: clean_text, handle_chinese_chars and lowercase true; strip_accents
        // follows lowercase when null.
        let lowercase = normalizer.lowercase ?? true
        guard normalizer.cleanText ?? true, normalizer.handleChineseChars ?? true, lowercase,
            normalizer.stripAccents ?? lowercase
        else {
            throw .unsupportedConfiguration("BertNormalizer options other than uncased BERT's")
        }
        guard preTokenizer?.type == "BertPreTokenizer" else {
            throw .unsupportedConfiguration("pre-tokenizer \(preTokenizer?.type ?? "none")")
        }
        let wrapsInClassifierAndSeparator = ["TemplateProcessing", "BertProcessing"]
        guard let postProcessor, wrapsInClassifierAndSeparator.contains(postProcessor.type) else {
            throw .unsupportedConfiguration("post-processor \(postProcessor?.type ?? "none")")
        }
        for token in addedTokens
        where token.normalized == true || token.singleWord == true || token.lstrip == true
            || token.rstrip == true
        {
            throw .unsupportedConfiguration("added token \(token.content) with matching options")
        }
    }
}
