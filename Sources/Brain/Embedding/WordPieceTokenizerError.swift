/// Why a WordPiece tokenizer could not be loaded.
public enum WordPieceTokenizerError: Error, Equatable, Sendable {
    /// The vocabulary or `tokenizer.json` could not be read.
    case unreadableFile(path: String, reason: String)
    /// The file was read but is not a vocabulary or a `tokenizer.json` this tokenizer understands.
    case malformedFile(path: String, reason: String)
    /// `tokenizer.json` asks for a normalizer, pre-tokenizer or model other than uncased BERT
    /// WordPiece, which this tokenizer would not reproduce.
    case unsupportedConfiguration(String)
    /// A token the tokenizer needs (`[CLS]`, `[SEP]`, `[PAD]`, `[UNK]`) is not in the vocabulary.
    case missingToken(String)
}

extension WordPieceTokenizerError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason): "cannot read \(path): \(reason)"
        case .malformedFile(let path, let reason): "\(path) is not a usable tokenizer file: \(reason)"
        case .unsupportedConfiguration(let what): "unsupported tokenizer configuration: \(what)"
        case .missingToken(let token): "the vocabulary has no \(token) token"
        }
    }
}
