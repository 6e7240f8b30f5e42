/// Recognises a customer asking for a human, in the tenant's language and in English.
///
/// A request is a verb of talking or connecting ("talk", "speak", "hablar", "parler", "sprechen")
/// together with a word for a person ("human", "person", "agent", "persona", "Mitarbeiter"), or a
/// short message that is only such a word ("agent", "human please", "operador"). Matching works on
/// lower-cased words with accents removed, so "Je veux parler à un humain" and "ich möchte mit
/// einem Menschen sprechen" both count; "a person who bakes" alone does not.
public struct HandoffRequestDetector: Sendable {
    struct Vocabulary: Sendable {
        /// Verbs of talking or connecting: with any word for a person, a request.
        var talk: Set<String>
        /// Verbs of wanting: a request only with a word that can only mean staff ("agent").
        var wish: Set<String>
        /// Words for a person ("person", "someone") and for staff ("agent", "human").
        var people: Set<String>
        var staff: Set<String>
    }

    static let vocabularies: [String: Vocabulary] = [
        "en": Vocabulary(
            talk: ["talk", "speak", "chat", "connect", "transfer", "reach"],
            wish: ["want", "need", "get", "give", "call"],
            people: ["person", "someone", "somebody", "people", "staff", "manager", "employee"],
            staff: ["human", "humans", "agent", "operator", "representative", "rep"]
        ),
        "es": Vocabulary(
            talk: ["hablar", "comunicarme", "contactar", "conversar"],
            wish: ["quiero", "necesito", "pasame", "pasar"],
            people: ["persona", "alguien", "encargado", "encargada"],
            staff: ["humano", "agente", "operador", "operadora", "asesor", "asesora", "representante"]
        ),
        "fr": Vocabulary(
            talk: ["parler", "discuter", "joindre", "contacter"],
            wish: ["veux", "voudrais", "passer"],
            people: ["personne", "quelqu", "quelquun", "responsable"],
            staff: ["humain", "agent", "conseiller", "conseillere", "operateur", "operatrice"]
        ),
        "de": Vocabulary(
            talk: ["sprechen", "reden", "verbinden", "erreichen"],
            wish: ["mochte", "will", "brauche"],
            people: ["person", "jemand", "jemandem", "kundendienst"],
            staff: ["mensch", "menschen", "mitarbeiter", "mitarbeiterin", "berater", "beraterin", "agent"]
        ),
        "pt": Vocabulary(
            talk: ["falar", "conversar", "contactar", "contatar"],
            wish: ["quero", "preciso", "transferir"],
            people: ["pessoa", "alguem", "responsavel"],
            staff: ["humano", "atendente", "agente", "operador", "consultor", "representante"]
        ),
        "it": Vocabulary(
            talk: ["parlare", "contattare"],
            wish: ["voglio", "vorrei", "passare"],
            people: ["persona", "qualcuno", "responsabile"],
            staff: ["umano", "operatore", "operatrice", "agente", "consulente", "addetto"]
        ),
        "nl": Vocabulary(
            talk: ["praten", "spreken", "verbinden"],
            wish: ["wil", "graag"],
            people: ["persoon", "iemand"],
            staff: ["mens", "medewerker", "medewerkster", "agent"]
        ),
    ]

    private let vocabularies: [Vocabulary]

    /// A detector for `languages` (BCP 47; the primary subtag is used); English is always included.
    public init(languages: [String]) {
        var codes = ["en"]
        for language in languages {
            let code = String(language.lowercased().prefix { $0 != "-" && $0 != "_" })
            if !codes.contains(code) { codes.append(code) }
        }
        self.vocabularies = codes.compactMap { Self.vocabularies[$0] }
    }

    /// Whether `text` asks for a human: a verb of talking with a word for a person or staff, a
    /// verb of wanting with a word for staff, or a message of at most three words that names staff.
    public func asksForHuman(_ text: String) -> Bool {
        let words = Self.words(text)
        guard !words.isEmpty, words.count <= 40 else { return false }
        let wordSet = Set(words)
        for vocabulary in vocabularies {
            let namesStaff = !wordSet.isDisjoint(with: vocabulary.staff)
            let namesPerson = namesStaff || !wordSet.isDisjoint(with: vocabulary.people)
            if namesPerson, !wordSet.isDisjoint(with: vocabulary.talk) { return true }
            if namesStaff, !wordSet.isDisjoint(with: vocabulary.wish) { return true }
            if namesStaff, words.count <= 3 { return true }
        }
        return false
    }

    /// Lower-cased words without accents or punctuation.
    static func words(_ text: String) -> [String] {
        text.lowercased()
            .folding(options: .diacriticInsensitive, locale: nil)
            .split { !($0.isLetter || $0.isNumber) }
            .map(String.init)
    }
}
