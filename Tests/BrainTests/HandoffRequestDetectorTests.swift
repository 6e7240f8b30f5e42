import Brain
import Testing

@Suite struct HandoffRequestDetectorTests {
    let detector = HandoffRequestDetector(languages: ["es", "fr", "de", "pt", "it", "nl"])

    @Test(arguments: [
        "I want to talk to a person",
        "Can I speak to someone about my order?",
        "human please",
        "AGENT",
        "Can you connect me with a representative?",
        "I need a human",
        "let me talk to a real person!",
        "Quiero hablar con una persona",
        "¿Puedo hablar con un agente?",
        "Je veux parler à un humain",
        "je voudrais parler à quelqu'un",
        "Ich möchte mit einem Menschen sprechen",
        "Kann ich mit einem Mitarbeiter sprechen?",
        "Quero falar com um atendente",
        "Vorrei parlare con un operatore",
        "Ik wil met een medewerker praten",
    ])
    func recognisesRequestsForAPerson(text: String) {
        #expect(detector.asksForHuman(text))
    }

    @Test(arguments: [
        "What are your opening hours?",
        "I need someone to deliver a cake on Saturday",
        "Talk to you later!",
        "Is the person who bakes the bread a professional?",
        "Do you speak Spanish?",
        "",
        "Hola, ¿a qué hora abren?",
        "Quelle est votre adresse ?",
    ])
    func leavesOrdinaryMessagesAlone(text: String) {
        #expect(!detector.asksForHuman(text))
    }

    @Test func onlyTheTenantsLanguagesAndEnglishCount() {
        let english = HandoffRequestDetector(languages: ["en"])
        #expect(english.asksForHuman("talk to a person"))
        #expect(!english.asksForHuman("Quiero hablar con una persona"))
        #expect(HandoffRequestDetector(languages: ["es-MX"]).asksForHuman("Quiero hablar con una persona"))
    }
}
