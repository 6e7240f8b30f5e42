import Brain

/// The grid the defaults were chosen from: every combination of weights (summing to 1),
/// thresholds, margins and phrasing-alone cut-offs, evaluated on one file.
enum Sweep {
    struct Row {
        var policy: KnowledgePolicy
        var counts: EvalResult.Counts
    }

    static func run(_ prepared: Prepared, lexical: Bool) {
        var rows: [Row] = []
        let steps = stride(from: 0.2, through: 0.8001, by: 0.1).map { ($0 * 10).rounded() / 10 }
        for phrasing in lexical ? [0] : steps {
            for answer in lexical ? [0] : [0, 0.1, 0.2] {
                for lexicalWeight in [0, 0.1, 0.2, 0.3] {
                    let coverage = 1 - phrasing - answer - lexicalWeight
                    guard coverage >= -0.0001 else { continue }
                    for threshold in stride(from: 0.26, through: 0.80, by: 0.03) {
                        for margin in [0, 0.03, 0.06] {
                            for minimumCoverage in [0, 0.3, 0.45, 0.6] {
                            for (allowed, sibling) in lexical ? [(0, 2.0), (1, 2.0)] : [(0, 2.0), (9, 0.4), (9, 0.45), (9, 0.5), (9, 0.55), (1, 0.5), (2, 0.45), (2, 0.5)] {
                                let policy = KnowledgePolicy(
                                    phrasingWeight: phrasing, answerWeight: answer, lexicalWeight: lexicalWeight,
                                    coverageWeight: max(0, coverage), threshold: threshold, margin: margin, phrasingAlone: 2,
                                    uncoveredAllowed: allowed, siblingThreshold: sibling, minimumCoverage: minimumCoverage
                                )
                                rows.append(Row(policy: policy, counts: prepared.count(policy)))
                            }
                            }
                        }
                    }
                }
            }
        }
        print("\(rows.count) settings")
        for floor in [0.95, 0.97, 1.0] {
            print("\nbest recall at precision >= \(f(floor)):")
            let best = rows.filter { $0.counts.precision >= floor }
                .sorted { ($0.counts.recall, $0.counts.precision) > ($1.counts.recall, $1.counts.precision) }
            for row in best.prefix(12) {
                print("  \(row.counts.line) | \(KBEval.describe(row.policy))")
            }
        }
    }
}
