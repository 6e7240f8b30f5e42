import Brain
import Foundation
import Testing

/// The Swift tokenizer against Hugging Face `tokenizers` on the fixture sentences.
///
/// `Fixtures/semantic/tokens.json` holds the ids `tokenizers` gives each line of
/// `sentences.txt` (accents, scripts, CJK, emoji, control characters, URLs, code, over-long
/// words, texts past 256 tokens). Regenerate it with `scripts/semantic/reference_tokens.py`.
@Suite struct TokenizerParityTests {
    @Test func fixtureMatchesTheSentences() throws {
        let sentences = try TokenizerTestSupport.sentences()
        let references = try TokenizerTestSupport.references()
        #expect(sentences.count >= 220)
        try #require(
            references.map(\.text) == sentences,
            "tokens.json is stale: run scripts/semantic/reference_tokens.py after editing sentences.txt"
        )
    }

    @Test func vocabularyFileGivesTheReferenceIDs() throws {
        let tokenizer = try TokenizerTestSupport.tokenizer()
        try expectReferenceIDs(from: tokenizer)
    }

    @Test func tokenizerJSONGivesTheReferenceIDs() throws {
        let directory = try TokenizerTestSupport.modelDirectory()
        let tokenizer = try WordPieceTokenizer(tokenizerJSON: directory.appendingPathComponent("tokenizer.json"))
        try expectReferenceIDs(from: tokenizer)
    }

    @Test func batchEncodingMatchesOneByOne() throws {
        let tokenizer = try TokenizerTestSupport.tokenizer()
        let references = try TokenizerTestSupport.references()
        #expect(tokenizer.encode(batch: references.map(\.text)) == references.map(\.ids))
    }

    /// Compares every sentence and reports the first mismatches with their tokens.
    private func expectReferenceIDs(from tokenizer: WordPieceTokenizer) throws {
        let references = try TokenizerTestSupport.references()
        var mismatches: [String] = []
        for (line, reference) in references.enumerated() {
            let ids = tokenizer.encode(reference.text, maxLength: 256)
            guard ids != reference.ids else { continue }
            let firstDifference = zip(ids, reference.ids).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(ids.count, reference.ids.count)
            let around = max(0, firstDifference - 3) ..< firstDifference + 5
            let ours = Array(ids[around.clamped(to: ids.indices)])
            let theirs = Array(reference.ids[around.clamped(to: reference.ids.indices)])
            mismatches.append(
                """
                sentence \(line + 1) \(reference.text.debugDescription.prefix(80)): \
                differs at id \(firstDifference) (lengths \(ids.count) vs \(reference.ids.count)); \
                got \(TokenizerTestSupport.tokens(ours, in: tokenizer)), \
                expected \(TokenizerTestSupport.tokens(theirs, in: tokenizer))
                """
            )
        }
        if !mismatches.isEmpty {
            let firstMismatches = mismatches.prefix(5).joined(separator: "\n")
            Issue.record("\(mismatches.count) of \(references.count) sentences differ:\n\(firstMismatches)")
        }
    }
}
