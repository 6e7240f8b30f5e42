@testable import Brain
import Foundation
import Testing

/// Reading a sentence-transformers model directory's configuration files.
@Suite struct MiniLMConfigurationTests {
    static var bertConfig: [String: Any] {
        [
            "model_type": "bert", "hidden_act": "gelu", "vocab_size": 30522, "hidden_size": 384,
            "num_attention_heads": 12, "num_hidden_layers": 6, "intermediate_size": 1536,
            "max_position_embeddings": 512, "type_vocab_size": 2, "layer_norm_eps": 1e-12,
            "position_embedding_type": "absolute",
        ]
    }

    /// A temporary model directory holding the given JSON files.
    static func directory(_ files: [String: [String: Any]]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("minilm-config-\(UUID().uuidString)")
        for (name, object) in files {
            let file = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try JSONSerialization.data(withJSONObject: object).write(to: file)
        }
        return directory
    }

    @Test func readsTheShapeAndTheSequenceLength() throws {
        let directory = try Self.directory([
            "config.json": Self.bertConfig,
            "sentence_bert_config.json": ["max_seq_length": 128, "do_lower_case": false],
            "1_Pooling/config.json": ["word_embedding_dimension": 384, "pooling_mode_mean_tokens": true, "pooling_mode_cls_token": false],
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = try MiniLMConfiguration(modelDirectory: directory)
        #expect(configuration == MiniLMConfiguration(maxSequenceLength: 128))
        #expect(configuration.headSize == 32)
    }

    @Test func theInstalledModelHasTheDefaultShape() throws {
        let configuration = try MiniLMConfiguration(modelDirectory: try MiniLMTestSupport.modelDirectory())
        #expect(configuration == MiniLMConfiguration())
    }

    @Test func rejectsOtherActivationsAndPoolings() throws {
        var relu = Self.bertConfig
        relu["hidden_act"] = "relu"
        let reluDirectory = try Self.directory(["config.json": relu])
        let clsDirectory = try Self.directory([
            "config.json": Self.bertConfig,
            "1_Pooling/config.json": ["pooling_mode_mean_tokens": false, "pooling_mode_cls_token": true],
        ])
        var oddHeads = Self.bertConfig
        oddHeads["num_attention_heads"] = 7
        let headsDirectory = try Self.directory(["config.json": oddHeads])
        var missing = Self.bertConfig
        missing["hidden_size"] = nil
        let missingDirectory = try Self.directory(["config.json": missing])
        defer {
            for directory in [reluDirectory, clsDirectory, headsDirectory, missingDirectory] {
                try? FileManager.default.removeItem(at: directory)
            }
        }
        for directory in [reluDirectory, clsDirectory, headsDirectory, missingDirectory] {
            let error = #expect(throws: MiniLMError.self) { try MiniLMConfiguration(modelDirectory: directory) }
            #expect(error?.description.contains(directory.path) == true, "\(String(describing: error)) names its file")
        }
    }
}
