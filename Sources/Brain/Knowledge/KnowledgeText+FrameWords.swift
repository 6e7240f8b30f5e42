extension KnowledgeText {
    /// Content words that frame a question without naming what it is about: "what is the
    /// **price**", "your **policy** on…", "**tomorrow**", "the **dentist**". A question may use
    /// one that its answer never says; a word outside this list that the entry does not cover
    /// names something the entry is not about (see ``KnowledgeBase``). Stems, in English,
    /// Spanish, French and German.
    static let frameStems: Set<String> = Set((english + spanish + french + german).map(stem))

    private static let english = [
        // Asking about a price, a rule, a way, an option.
        "price", "prices", "pricing", "cost", "costs", "fee", "fees", "charge", "charges", "rate", "rates", "pay",
        "paying", "expensive", "cheap", "policy", "policies", "rule", "rules", "option", "options", "procedure",
        "process", "steps", "requirement", "requirements", "condition", "conditions", "terms", "idea", "problem",
        "issue", "help", "advice", "answer", "reply", "contact", "reach", "question", "request", "service",
        "services", "list", "number", "amount", "total", "extra", "additional", "normal", "standard", "usual",
        "general", "specific", "particular", "exact", "official", "current", "still", "correct", "true",
        // Time words that a schedule answers without naming them.
        "time", "times", "hour", "hours", "today", "tomorrow", "tonight", "now", "later", "soon", "asap",
        "moment", "currently", "day", "days", "week", "weeks", "weekly", "month", "months", "year", "years",
        "date", "dates", "next", "this", "upcoming", "early", "earliest", "late", "latest", "long", "how long",
        "usually", "often", "schedule", "anytime",
        // The people asking and the business itself ("do you…" = "does the clinic…").
        "people", "person", "customer", "customers", "client", "clients", "guest", "guests", "visitor", "family",
        "friend", "friends", "husband", "wife", "partner", "kid", "kids", "child", "children", "someone",
        "business", "company", "shop", "store", "office", "agency", "place", "location", "team", "staff",
        "restaurant", "clinic", "practice", "dentist", "doctor", "salon", "studio", "gym", "hotel", "school",
        "garage", "center", "centre", "website", "site", "page", "near", "nearby", "close", "area", "town", "city",
        "local", "locally",
        // Verbs of asking and doing that add no object.
        "explain", "check", "confirm", "mean", "allowed", "okay", "fine", "ready", "sure", "able", "order", "orders",
        "ordering", "buy", "buying", "purchase", "move", "moving",
    ]

    private static let spanish = [
        "precio", "precios", "coste", "costo", "cuesta", "cuestan", "tarifa", "tarifas", "pagar", "politica",
        "norma", "normas", "opcion", "opciones", "servicio", "servicios", "informacion", "ayuda", "hora", "horas",
        "hoy", "manana", "dia", "dias", "semana", "mes", "ano", "fecha", "proximo", "persona", "personas",
        "cliente", "clientes", "clinica", "centro", "tienda", "negocio", "local", "web", "pagina", "cerca", "zona",
    ]

    private static let french = [
        "prix", "tarif", "tarifs", "cout", "coute", "payer", "politique", "regle", "regles", "option", "options",
        "service", "services", "information", "aide", "heure", "heures", "aujourd'hui", "aujourd", "demain",
        "jour", "jours", "semaine", "mois", "annee", "date", "prochain", "personne", "personnes", "client",
        "clients", "magasin", "boutique", "cabinet", "centre", "site",
    ]

    private static let german = [
        "preis", "preise", "kosten", "kostet", "gebuhr", "gebuhren", "bezahlen", "zahlen", "regel", "regeln",
        "option", "optionen", "service", "information", "infos", "hilfe", "zeit", "zeiten", "uhr", "heute",
        "morgen", "tag", "tage", "woche", "monat", "jahr", "datum", "nachste", "person", "personen", "kunde",
        "kunden", "laden", "geschaft", "praxis", "webseite", "seite",
    ]
}
