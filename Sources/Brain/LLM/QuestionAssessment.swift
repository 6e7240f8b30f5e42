import Foundation

/// Why a question deserves the strong model: a transparent score the router and its logs share.
///
/// Each signal that fires adds one point; a score of ``strongThreshold`` or more picks the strong
/// model. The signals, and what fires them:
///
/// | signal | fires when |
/// |---|---|
/// | `long` | the question is longer than 200 characters |
/// | `severalQuestions` | it asks two or more questions (`?` twice) |
/// | `reasoning` | it asks to explain, compare, say why, or how to do something in steps |
/// | `arithmetic` | it has numbers and asks to compute with them (`3 x 12`, "how much in total") |
/// | `complaint` | the question or the customer's last messages complain (refund, broken, angry…) |
///
/// ```swift
/// QuestionAssessment(question: "What time do you open?").prefersStrongModel   // false
/// QuestionAssessment(question: "Why was I charged twice?").signals            // [.reasoning]
/// ```
public struct QuestionAssessment: Sendable, Hashable {
    public enum Signal: String, Sendable, Hashable, CaseIterable {
        case long
        case severalQuestions = "several_questions"
        case reasoning
        case arithmetic
        case complaint
    }

    /// The score at which the strong model is chosen.
    public static let strongThreshold = 1
    /// Questions longer than this many characters are `long`.
    public static let longQuestionCharacters = 200
    /// How many of the customer's latest messages are read for complaints.
    public static let complaintLookback = 4

    public var signals: Set<Signal>

    public init(signals: Set<Signal>) {
        self.signals = signals
    }

    /// Scores a question in the light of the customer's history (oldest first).
    public init(question: String, history: [MessageRecord] = []) {
        var signals = Set<Signal>()
        let text = NormalizedText(question)
        if question.count > Self.longQuestionCharacters { signals.insert(.long) }
        if question.filter({ $0 == "?" || $0 == "？" || $0 == "؟" }).count >= 2 { signals.insert(.severalQuestions) }
        if text.containsAny(Self.reasoningWords, phrases: Self.reasoningPhrases) { signals.insert(.reasoning) }
        if Self.asksToCompute(question, text) { signals.insert(.arithmetic) }
        let recent = history.filter { $0.author == .customer }.suffix(Self.complaintLookback).map { NormalizedText($0.text) }
        if ([text] + recent).contains(where: { $0.containsAny(Self.complaintWords, phrases: Self.complaintPhrases) }) {
            signals.insert(.complaint)
        }
        self.signals = signals
    }

    /// How many signals fired.
    public var score: Int { signals.count }

    /// Whether the strong model should answer.
    public var prefersStrongModel: Bool { score >= Self.strongThreshold }

    static let reasoningWords: Set<String> = [
        "explain", "explanation", "compare", "comparing", "comparison", "why", "difference",
        "differences", "versus", "vs", "steps", "pros", "cons", "tradeoff", "tradeoffs",
    ]
    static let reasoningPhrases = [
        "how do i", "how can i", "how to", "how does", "walk me through", "step by step", "which is better",
    ]
    static let computeWords: Set<String> = [
        "total", "sum", "calculate", "compute", "plus", "minus", "times", "multiply", "multiplied",
        "divide", "divided", "split", "per", "each", "percent", "percentage", "average", "discount", "altogether",
    ]
    static let computePhrases = ["how much", "how many"]
    static let complaintWords: Set<String> = [
        "refund", "refunds", "refunded", "broken", "broke", "angry", "furious", "upset", "complaint",
        "complain", "complaining", "unacceptable", "terrible", "awful", "horrible", "damaged", "faulty",
        "defective", "disappointed", "disappointing", "scam", "worst", "useless", "ridiculous", "rude",
    ]
    static let complaintPhrases = [
        "not working", "doesn't work", "does not work", "never arrived", "still waiting", "money back",
        "speak to a manager",
    ]

    /// Numbers with something to do with them: a compute word, or an expression like `3 x 12`.
    private static func asksToCompute(_ question: String, _ text: NormalizedText) -> Bool {
        guard question.contains(where: \.isNumber) else { return false }
        return text.containsAny(computeWords, phrases: computePhrases) || containsExpression(question)
    }

    /// A digit, an arithmetic operator, a digit (spaces allowed between): `2+2`, `3 x 12`, `10 / 4`.
    private static func containsExpression(_ text: String) -> Bool {
        let characters = Array(text.lowercased())
        let operators: Set<Character> = ["+", "-", "*", "/", "x", "×", "÷"]
        for (index, character) in characters.enumerated() where character.isNumber {
            var next = index + 1
            while next < characters.count, characters[next] == " " { next += 1 }
            guard next < characters.count, operators.contains(characters[next]) else { continue }
            next += 1
            while next < characters.count, characters[next] == " " { next += 1 }
            if next < characters.count, characters[next].isNumber { return true }
        }
        return false
    }
}

/// Text as lower-case words (letters, digits, apostrophes), for word and phrase lookups.
struct NormalizedText: Hashable {
    let words: [String]
    /// The words joined by single spaces, padded with a space on each side.
    private let padded: String

    init(_ text: String) {
        let lowered = text.lowercased().replacingOccurrences(of: "’", with: "'")
        words = lowered.split { !($0.isLetter || $0.isNumber || $0 == "'") }.map(String.init)
        padded = " " + words.joined(separator: " ") + " "
    }

    func containsAny(_ candidates: Set<String>, phrases: [String]) -> Bool {
        words.contains(where: candidates.contains) || phrases.contains { padded.contains(" \($0) ") }
    }
}
