import Foundation

/// Tells whether a caller's utterance ends the call: "Goodbye.", "Thanks, bye!", "No thanks,
/// bye", "That's all, thanks", "Adiós", "Au revoir", "Tschüss".
///
/// The goodbye must be the whole utterance or its end, optionally followed by thanks ("bye,
/// thank you"); before it the caller may say anything but a question, which the assistant should
/// answer first ("What time do you close? Bye." is not a goodbye). Words inside the utterance do
/// not count: "what time do you close, bye the way" and "I'd like to say goodbye to my old order"
/// are questions and requests. Letter case, accents, apostrophes and punctuation are ignored.
public enum VoiceGoodbye {
    /// Phrases that end a call, normalized (lower case, no accents or apostrophes), in English,
    /// Spanish, French, German, Italian, Portuguese and Dutch. "Ciao" and "salut" are left out:
    /// they also mean hello.
    static let farewells: [[String]] = [
        "goodbye", "good bye", "bye", "bye bye", "byebye", "bye now", "bye for now", "see you", "see you later",
        "see ya", "talk to you later", "take care", "have a nice day", "have a good day", "have a great day",
        "have a good one", "thats all", "that is all", "thats it", "that is it", "thats everything",
        "nothing else", "im done", "im all set", "adios", "hasta luego", "hasta pronto",
        "eso es todo", "nada mas", "au revoir", "bonne journee", "cest tout", "tschuss", "tschus",
        "auf wiederhoren", "auf wiedersehen", "das wars", "das ist alles", "arrivederci", "tchau", "adeus",
        "ate logo", "tot ziens", "doei",
    ].map { $0.split(separator: " ").map(String.init) }

    /// Thanks (and "then", "again") that may follow the goodbye.
    static let trailers: [[String]] = [
        "thanks", "thank you", "thanks a lot", "thanks again", "thank you very much", "thank you so much",
        "many thanks", "cheers", "then", "again", "gracias", "muchas gracias", "merci", "merci beaucoup",
        "danke", "danke schon", "vielen dank", "grazie", "grazie mille", "obrigado", "obrigada", "bedankt",
        "dank je", "dank u",
    ].map { $0.split(separator: " ").map(String.init) }

    /// Words a question starts with, in the languages of ``farewells``.
    static let questionWords: Set<String> = [
        "what", "when", "where", "how", "why", "who", "which", "can", "could", "do", "does", "is", "are", "will",
        "would", "que", "cuando", "donde", "como", "quand", "ou", "comment", "pourquoi", "was", "wann", "wo",
        "wie", "warum", "quando", "dove", "wat", "waar", "hoe",
    ]

    /// Whether `utterance` says goodbye (see the type's documentation).
    public static func isGoodbye(_ utterance: String) -> Bool {
        var words = normalizedWords(utterance)
        while let trailer = trailers.first(where: { words.count > $0.count && words.hasSuffix($0) }) {
            words.removeLast(trailer.count)
        }
        guard let farewell = farewells.filter({ words.hasSuffix($0) }).max(by: { $0.count < $1.count }) else {
            return false
        }
        let before = words.dropLast(farewell.count)
        guard let first = before.first else { return true }
        let asksSomething = utterance.contains("?") || utterance.contains("¿") || questionWords.contains(first)
        return !asksSomething
    }

    /// The utterance's words: lower case, accents and apostrophes removed, split at everything
    /// that is not a letter or digit.
    static func normalizedWords(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .lowercased()
            .replacingOccurrences(of: "'", with: "")
            .replacingOccurrences(of: "\u{2019}", with: "")
        return folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
}

extension Array where Element == String {
    /// Whether the array ends with the words of `suffix`.
    fileprivate func hasSuffix(_ suffix: [String]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
