import Brain
import Foundation

/// Counts of one evaluation run, overall, per business and per kind of message, with the
/// confusions.
struct EvalResult {
    struct Counts {
        var messages = 0
        var answerable = 0
        var answered = 0
        var right = 0

        var wrong: Int { answered - right }
        var precision: Double { answered == 0 ? 1 : Double(right) / Double(answered) }
        var recall: Double { answerable == 0 ? 1 : Double(right) / Double(answerable) }

        mutating func add(answerable isAnswerable: Bool, answered isAnswered: Bool, right isRight: Bool) {
            messages += 1
            if isAnswerable { answerable += 1 }
            if isAnswered { answered += 1 }
            if isRight { right += 1 }
        }

        var line: String {
            "precision \(f(precision)) (\(right)/\(answered)), recall \(f(recall)) (\(right)/\(answerable)), \(wrong) wrong, \(messages) messages"
        }
    }

    struct Confusion {
        var business: String
        var text: String
        var kind: String
        var expected: [String]
        var given: String?
        var reason: String
    }

    var total = Counts()
    var byBusiness: [(String, Counts)] = []
    var byKind: [String: Counts] = [:]
    var wrongAnswers: [Confusion] = []
    var missed: [Confusion] = []
    var refusals: [String: Int] = [:]

    mutating func record(business: String, message: Dataset.Message, decision: KnowledgeDecision) {
        let given = decision.entry?.id
        let isRight = given.map(message.expect.contains) ?? false
        let answerable = !message.expect.isEmpty
        total.add(answerable: answerable, answered: given != nil, right: isRight)
        if byBusiness.last?.0 != business { byBusiness.append((business, Counts())) }
        byBusiness[byBusiness.count - 1].1.add(answerable: answerable, answered: given != nil, right: isRight)
        byKind[message.kind ?? "-", default: Counts()].add(answerable: answerable, answered: given != nil, right: isRight)
        if let refusal = decision.refusal, answerable { refusals[refusal.code, default: 0] += 1 }
        let closest = decision.candidates.first.map { c in
            "closest \(c.entry.id) \(f(c.score)) [phrasing \(f(c.phrasing)) answer \(f(c.answer)) lexical \(f(c.lexical)) coverage \(f(c.coverage))]"
        } ?? ""
        let confusion = Confusion(business: business, text: message.text, kind: message.kind ?? "-", expected: message.expect, given: given,
                                  reason: (decision.refusal.map { "\($0)" } ?? "answered") + "; " + closest)
        if given != nil, !isRight { wrongAnswers.append(confusion) }
        if answerable, given == nil { missed.append(confusion) }
    }

    func printReport(listing: Bool) {
        print("overall: \(total.line)")
        for (business, counts) in byBusiness { print("  \(business): \(counts.line)") }
        print("by kind:")
        for (kind, counts) in byKind.sorted(by: { $0.key < $1.key }) {
            let share = counts.answerable > 0 ? "answered right \(counts.right)/\(counts.answerable)" : "wrongly answered \(counts.answered)/\(counts.messages)"
            print("  \(kind): \(share)")
        }
        print("why answerable messages got no answer: " + refusals.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        guard listing else { return }
        print("\nwrong answers (\(wrongAnswers.count)):")
        for c in wrongAnswers {
            print("  [\(c.business)/\(c.kind)] \"\(c.text)\" -> \(c.given ?? "-"), expected \(c.expected.isEmpty ? "none" : c.expected.joined(separator: "|")); \(c.reason)")
        }
        print("\nmissed (\(missed.count)):")
        for c in missed {
            print("  [\(c.business)/\(c.kind)] \"\(c.text)\" expected \(c.expected.joined(separator: "|")): \(c.reason)")
        }
    }
}
