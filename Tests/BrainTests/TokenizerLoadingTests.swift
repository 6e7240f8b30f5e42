import Brain
import Foundation
import Testing

/// Loading vocabularies and `tokenizer.json` files, on small files written by the tests.
@Suite struct TokenizerLoadingTests {
    static let specialTokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]

    /// Writes `contents` to a fresh temporary file and passes its URL to `body`.
    private func withTemporaryFile<T>(
        named name: String,
        _ contents: String,
        _ body: (URL) throws -> T
    ) throws -> T {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("tokenizer-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(name)
        try Data(contents.utf8).write(to: file)
        return try body(file)
    }

    private func tokenizer(vocabulary: [String], lineEnding: String = "\n") throws -> WordPieceTokenizer {
        try withTemporaryFile(named: "vocab.txt", vocabulary.joined(separator: lineEnding) + lineEnding) {
            try WordPieceTokenizer(vocabularyFile: $0)
        }
    }

    @Test func idsAreLineNumbers() throws {
        let tokenizer = try tokenizer(vocabulary: Self.specialTokens + ["un", "##aff", "##able", "aff"])
        #expect(tokenizer.encode("unaffable aff") == [2, 5, 6, 7, 8, 3])
        #expect(tokenizer.vocabularySize == 9)
        #expect(tokenizer.token(forID: 6) == "##aff")
    }

    @Test func crlfLineEndingsAreNotPartOfTokens() throws {
        let tokenizer = try tokenizer(vocabulary: Self.specialTokens + ["hello"], lineEnding: "\r\n")
        #expect(tokenizer.encode("Hello") == [2, 5, 3])
    }

    @Test func takesTheLongestMatchFirst() throws {
        // Greedy: "aaaa" is "aaa" + "##a" even though "aa" + "##aa" would also cover it.
        let tokenizer = try tokenizer(vocabulary: Self.specialTokens + ["a", "aa", "aaa", "##a", "##aa"])
        #expect(tokenizer.encode("aaaa") == [2, 7, 8, 3])
        #expect(tokenizer.encode("aaaaa") == [2, 7, 9, 3])
    }

    @Test func aWordThatCannotBeCoveredIsOneUnknown() throws {
        // "ab" starts with "a" but nothing continues with "b": the whole word is [UNK].
        let tokenizer = try tokenizer(vocabulary: Self.specialTokens + ["a", "b", "##a"])
        #expect(tokenizer.encode("ab ba a") == [2, 1, 6, 7, 5, 3])
    }

    @Test func missingFileThrows() {
        let missing = URL(fileURLWithPath: "/nonexistent/vocab.txt")
        #expect {
            try WordPieceTokenizer(vocabularyFile: missing)
        } throws: { error in
            guard case .unreadableFile(let path, _) = error as? WordPieceTokenizerError else { return false }
            return path == missing.path
        }
    }

    @Test func vocabularyWithoutClassifierTokenThrows() throws {
        #expect(throws: WordPieceTokenizerError.missingToken("[CLS]")) {
            try tokenizer(vocabulary: ["[PAD]", "[UNK]", "[SEP]", "hello"])
        }
    }

    @Test func tokenizerJSONOfAnotherKindThrows() throws {
        let cased = """
            {"added_tokens": [], "model": {"type": "WordPiece", "unk_token": "[UNK]", "vocab": {"[UNK]": 0}},
             "normalizer": {"type": "BertNormalizer", "lowercase": false},
             "pre_tokenizer": {"type": "BertPreTokenizer"}, "post_processor": {"type": "BertProcessing"}}
            """
        #expect {
            try withTemporaryFile(named: "tokenizer.json", cased) { try WordPieceTokenizer(tokenizerJSON: $0) }
        } throws: { error in
            guard case .unsupportedConfiguration = error as? WordPieceTokenizerError else { return false }
            return true
        }
        #expect {
            try withTemporaryFile(named: "tokenizer.json", #"{"model": 3}"#) {
                try WordPieceTokenizer(tokenizerJSON: $0)
            }
        } throws: { error in
            guard case .malformedFile = error as? WordPieceTokenizerError else { return false }
            return true
        }
    }

    @Test func smallTokenizerJSONLoads() throws {
        let addedTokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"].enumerated().map { id, content in
            """
            {"id": \(id), "content": "\(content)", "special": true, "normalized": false,
             "single_word": false, "lstrip": false, "rstrip": false}
            """
        }
        let json = """
            {"added_tokens": [\(addedTokens.joined(separator: ", "))],
             "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                       "max_input_chars_per_word": 5,
                       "vocab": {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "hi": 4, "##hi": 5}},
             "normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true,
                            "strip_accents": null, "lowercase": true},
             "pre_tokenizer": {"type": "BertPreTokenizer"},
             "post_processor": {"type": "TemplateProcessing"}}
            """
        let tokenizer = try withTemporaryFile(named: "tokenizer.json", json) {
            try WordPieceTokenizer(tokenizerJSON: $0)
        }
        #expect(tokenizer.encode("HI hihi hihihi [SEP]") == [2, 4, 4, 5, 1, 3, 3])
    }
}
