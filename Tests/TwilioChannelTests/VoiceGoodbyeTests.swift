import Testing
import TwilioChannel

@Suite struct VoiceGoodbyeTests {
    @Test(arguments: [
        "Goodbye.", "Bye!", "bye bye", "Good bye", "Thanks, bye!", "No thanks, bye.", "That's all, thanks.",
        "Okay, that's it. Thank you!", "Great, I'll come by tomorrow then. Bye.", "OK bye then", "See you later!",
        "Nothing else, thank you very much", "Have a nice day", "Perfect, thanks again, goodbye",
        "Adiós", "Eso es todo, gracias", "Hasta luego", "Au revoir !", "C’est tout, merci", "Tschüss",
        "Auf Wiederhören", "Das war's, danke", "Arrivederci", "Tchau, obrigado", "Tot ziens",
    ])
    func recognizesGoodbyes(utterance: String) {
        #expect(VoiceGoodbye.isGoodbye(utterance))
    }

    @Test(arguments: [
        "what time do you close, bye the way", "Bye the way, do you have rye?", "What time do you close? Bye.",
        "Do you deliver, goodbye", "I'd like to say goodbye to my old order and place a new one",
        "Can I see you tomorrow", "Is that all?", "Thanks", "Thank you", "Thank you so much", "Ciao", "Hello",
        "I want to buy bread", "¿Cuándo abren? Adiós", "", "   ", "Goodbye cake is a flavour?",
    ])
    func letsEverythingElseThrough(utterance: String) {
        #expect(!VoiceGoodbye.isGoodbye(utterance))
    }
}
