@testable import Brain
import Foundation
import Testing

/// What ``QuestionSignature`` reads out of a question, and when two signatures disagree.
@Suite struct SemanticCacheSignatureTests {
    // MARK: - Identifiers

    @Test(arguments: [
        ("Where is order #12345?", ["ref:12345"]),
        ("Can I cancel order A-1234?", ["code:a1234"]),
        ("Is apartment 3B free?", ["code:3b"]),
        ("Is booking 987654 confirmed?", ["ref:987654"]),
        ("Is it $12.50?", ["amount:$12.5"]),
        ("Is it 12,50 €?", ["amount:eur12.5"]),
        ("Is it 12.50 euros?", ["amount:eur12.5"]),
        ("Is the house listed at $450k?", ["amount:$450000"]),
        ("Anything under $1,500 a month?", ["amount:$1500"]),
        ("Is the discount 20%?", ["percent:20"]),
        ("Open on Dec 24?", ["date:12-24"]),
        ("Open on 24 December?", ["date:12-24"]),
        ("Open on the 24th of December?", ["date:12-24"]),
        ("Open on December 24, 2025?", ["date:2025-12-24"]),
        ("Open on 2025-12-24?", ["date:2025-12-24"]),
        ("Open on 24/12/2025?", ["date:2025-12-24"]),
        ("Open on 12/24?", ["date:12-24"]),
        ("Open on 3/4?", ["date:3/4"]),
        ("Open on Sundays?", ["day:sunday"]),
        ("Ouvert le dimanche ?", ["day:sunday"]),
        ("Open this weekend?", ["day:weekend"]),
        ("A table at 7pm?", ["time:19:00"]),
        ("A table at 7 p.m.?", ["time:19:00"]),
        ("A table at 7:30 pm?", ["time:19:30"]),
        ("A table at 19:30?", ["time:19:30"]),
        ("A table at 12am?", ["time:00:00"]),
        ("Open 10:00-18:00?", ["time:10:00", "time:18:00"]),
        ("Mail john.doe@example.com?", ["email:john.doe@example.com"]),
        ("Is https://www.example.com/menu/ right?", ["url:example.com/menu"]),
        ("Is bella-pizza.com your site?", ["url:bella-pizza.com"]),
        ("Call +1 (555) 123-4567?", ["phone:15551234567"]),
        ("Call 06 12 34 56 78?", ["phone:0612345678"]),
        ("Call 555-201-3344?", ["phone:5552013344"]),
        ("Is the code SAVE20 valid?", ["code:save20"]),
    ])
    func readsIdentifiers(question: String, expected: [String]) {
        #expect(QuestionSignature(question).identifiers == Set(expected), "\(question)")
    }

    @Test func identifiersAndNumbersAreNormalized() {
        #expect(QuestionSignature("Is it $12.50?").identifiers == QuestionSignature("is it $12.5").identifiers)
        #expect(QuestionSignature("a table for two").numbers == ["2"])
        #expect(QuestionSignature("a table for 2").numbers == ["2"])
        #expect(QuestionSignature("two-bedroom flats?").numbers == ["2"])
        #expect(QuestionSignature("2nd floor?").numbers == ["2"])
        #expect(QuestionSignature("second floor?").numbers == ["2"])
        #expect(QuestionSignature("open 9-5?").numbers == ["9-5"])
        #expect(QuestionSignature("is it 1.200.000 euros?").identifiers == ["amount:eur1200000"])
        #expect(QuestionSignature("Do you have size 42?").numbers == ["42"])
        #expect(QuestionSignature("Do you have it in 12kg?").numbers == ["12kg"])
    }

    @Test func plainQuestionsCarryNoIdentifiers() {
        for question in ["What are your opening hours?", "May I bring my dog?", "Do you have one in red?", "No. 5 is fine"] {
            let signature = QuestionSignature(question)
            #expect(signature.identifiers.isEmpty, "\(question): \(signature.identifiers)")
        }
        #expect(QuestionSignature("No. 5 is fine").numbers == ["5"])
    }

    // MARK: - Negation

    @Test(arguments: [
        "Which dishes don't contain nuts?", "Which dishes dont contain nuts?", "Is it not open?", "Can I come without a booking?",
        "Never open on Sundays?", "Can't I pay by card?", "Which items are non-refundable?", "Anything except fish?",
        "N'êtes-vous pas ouverts ?", "Haben Sie keine vegetarischen Gerichte?", "¿No abren los domingos?",
        "Is there no parking?",
    ])
    func readsNegation(question: String) {
        #expect(QuestionSignature(question).isNegated, "\(question)")
    }

    @Test(arguments: ["Which dishes contain nuts?", "No. 5 please", "Is there a fee for no-shows?", "Do you have gluten-free pasta?"])
    func readsNoNegation(question: String) {
        #expect(!QuestionSignature(question).isNegated, "\(question)")
    }

    // MARK: - Key terms

    @Test func groupsSynonymsOfAnAction() {
        let cancel = ["How do I cancel?", "What is your cancellation policy?", "How do I unsubscribe?", "Wie kann ich stornieren?"]
        for question in cancel {
            #expect(QuestionSignature(question).actions.contains("cancel"), "\(question)")
        }
        #expect(QuestionSignature("Do you do pick up?").actions == ["pickup"])
        #expect(QuestionSignature("Is parking close to the clinic?").actions.isEmpty)
        #expect(QuestionSignature("What time do you close?").actions == ["close"])
        #expect(QuestionSignature("Do you have vegan options?").attributes == ["vegan"])
        #expect(QuestionSignature("Do you have it in navy?").attributes == ["navy"])
        #expect(QuestionSignature("Can I pay online?").attributes == ["online"])
    }

    @Test func oppositeActionsAreTold() {
        let reason = QuestionSignature("How do I renew my subscription?")
            .disagreement(with: QuestionSignature("How do I cancel my subscription?"))
        #expect(reason == .actionDiffers(question: ["renew"], entry: ["cancel"]))
        #expect(reason?.description.contains("opposites") == true)
    }

    // MARK: - Personal questions

    @Test(arguments: [
        ("Where is my order?", "where is my"),
        ("Where's my parcel", "where's my"),
        ("Hi, has my package shipped?", "has my"),
        ("What time is my appointment tomorrow?", "what time is my"),
        ("Can you move my appointment to Friday?", "my appointment"),
        ("Is our reservation for 8 confirmed?", "is our"),
        ("I ordered a jacket last week, when will it arrive?", "i ordered"),
        ("We've booked a table for tonight", "we've booked"),
        ("I have an appointment at 3", "i have an appointment"),
        ("I haven't received my refund", "haven't received"),
        ("Book me in for Tuesday", "book me"),
        ("Où est ma commande ?", "ou est ma"),
        ("Wo ist meine Bestellung?", "wo ist meine"),
        ("¿Dónde está mi pedido?", "donde esta mi"),
    ])
    func recognizesPersonalQuestions(question: String, marker: String) {
        #expect(QuestionSignature(question).personalMarker == marker, "\(question)")
    }

    @Test(arguments: [
        "How do I cancel my subscription?", "How can I track my order?", "What happens if I miss my appointment?",
        "Do I need to bring my insurance card?", "Can I bring my dog?", "Can I have my hair cut on Sunday?",
        "What are your opening hours?", "Where is the clinic?", "Can you tell me the price of a haircut?",
    ])
    func recognizesGenericQuestions(question: String) {
        #expect(QuestionSignature(question).personalMarker == nil, "\(question)")
    }

    // MARK: - Agreement

    @Test func agreementNamesTheFirstDifference() {
        func reason(_ question: String, _ entry: String) -> CacheMissReason? {
            QuestionSignature(question).disagreement(with: QuestionSignature(entry))
        }
        #expect(reason("Is order #58132 shipped?", "Is order #58123 shipped?") == .identifiersDiffer(question: ["ref:58132"], entry: ["ref:58123"]))
        #expect(reason("A table for 6 at 7pm?", "A table for 4 at 7pm?") == .numbersDiffer(question: ["6"], entry: ["4"]))
        #expect(reason("Which dishes don't contain nuts?", "Which dishes contain nuts?") == .negationDiffers(questionNegated: true))
        #expect(reason("Do you have vegetarian options?", "Do you have vegan options?") == .attributeDiffers(question: ["vegetarian"], entry: ["vegan"]))
        #expect(reason("Do you have indoor seating?", "Do you have outdoor seating?") == .wordDiffers(question: "indoor", entry: "outdoor"))
        #expect(reason("Are you open on Sunday?", "Are you open on Sundays?") == nil)
        #expect(reason("can i book a table for four at 7 pm", "Can I book a table for 4 at 7pm?") == nil)
        #expect(reason("what are your opening times", "What are your opening hours?") == nil)
        #expect(reason("what are the neighbourhoods you cover", "what are the neighborhoods you cover") == nil)
    }

    @Test func aYesNoQuestionNeverTakesAWhichAnswer() {
        func reason(_ question: String, _ entry: String) -> CacheMissReason? {
            QuestionSignature(question).disagreement(with: QuestionSignature(entry))
        }
        #expect(QuestionSignature("do you allow pets in the apartments").form == .yesNo)
        #expect(QuestionSignature("Which apartments allow pets?").form == .which)
        #expect(QuestionSignature("What kind of cakes do you make?").form == .which)
        #expect(QuestionSignature("In which areas do you deliver?").form == .which)
        #expect(QuestionSignature("Welche Wohnungen erlauben Haustiere?").form == .which)
        #expect(QuestionSignature("What are your opening hours?").form == .open)
        #expect(reason("do you allow pets in the apartments", "Which apartments allow pets?") == .formDiffers(question: .yesNo, entry: .which))
        #expect(reason("Which apartments allow pets?", "Are pets allowed in the apartments?") == .formDiffers(question: .which, entry: .yesNo))
        // Open questions state facts either way: they go with both.
        #expect(reason("Do you deliver on Sundays?", "When do you deliver on Sundays?") == nil)
        #expect(reason("do you allow pets in the apartments", "Are pets allowed in your apartments?") == nil)
        // A signature stored before forms existed has none, and agrees.
        var old = QuestionSignature("Which apartments allow pets?")
        old.form = nil
        #expect(QuestionSignature("do you allow pets in the apartments").disagreement(with: old) == nil)
    }

    @Test func signaturesRoundTripAsJSON() throws {
        let signature = QuestionSignature("Can I cancel order #A-1234 before 5pm on Friday? I don't want it.")
        let data = try JSONEncoder().encode(signature)
        #expect(try JSONDecoder().decode(QuestionSignature.self, from: data) == signature)
    }
}

/// The key-term lexicon is a table: each phrase in one group, opposites never merged.
@Suite struct SemanticCacheLexiconTests {
    @Test func everyPhraseBelongsToOneGroup() {
        var groups: [String: Set<String>] = [:]
        for entry in KeyTermLexicon.allPhrases { groups[entry.phrase, default: []].insert(entry.group) }
        let ambiguous = groups.filter { $0.value.count > 1 }
        #expect(ambiguous.isEmpty, "phrases in several groups: \(ambiguous)")
        #expect(KeyTermLexicon.allPhrases.allSatisfy { $0.phrase.split(separator: " ").count <= KeyTermLexicon.longestPhrase })
        #expect(KeyTermLexicon.allPhrases.allSatisfy { $0.phrase == $0.phrase.lowercased() })
    }

    @Test func oppositesAreSeparateGroups() {
        let groups = Set(KeyTermLexicon.allPhrases.map(\.group))
        for (left, right) in KeyTermLexicon.opposites {
            #expect(left != right)
            #expect(groups.contains(left) && groups.contains(right), "\(left) / \(right)")
        }
    }

    @Test func everyPhraseIsReadAsItsGroup() {
        for entry in KeyTermLexicon.allPhrases where entry.kind != .ignored {
            let signature = QuestionSignature("about \(entry.phrase) please")
            let found = entry.kind == .action ? signature.actions : signature.attributes
            #expect(found.contains(entry.group), "\"\(entry.phrase)\" read as \(signature.actions) \(signature.attributes)")
        }
    }
}
