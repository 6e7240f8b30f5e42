/// Closed word lists for ``QuestionSignature``: negation, number words, months, days, currencies
/// and units. Words are lower-cased with accents folded ("März" → "marz").
enum SignatureVocabulary {
    /// Words that negate or exclude. "no" followed by a number ("no. 5") is a number sign, not a
    /// negation; that case is handled by the extractor.
    static let negations: Set<String> = [
        "not", "no", "never", "none", "nothing", "nobody", "neither", "nor", "without", "cannot", "except",
        "excluding", "besides",
        "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "wont", "wouldnt", "shouldnt",
        "couldnt", "havent", "hasnt", "hadnt", "aint", "mustnt", "neednt",
        // French, German, Spanish/Italian/Portuguese.
        "ne", "pas", "jamais", "aucun", "aucune", "sans", "rien",
        "nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "ohne", "nichts",
        "nunca", "sin", "ni", "non", "senza", "nao", "sem", "nem", "nenhum", "nada", "ningun", "ninguna", "niente",
    ]

    /// Two-word exclusions.
    static let negationPhrases: Set<String> = ["other than", "apart from", "rather than", "instead of"]

    /// Number words. "one" is left out on purpose: it is a pronoun far more often ("which one").
    static let numberWords: [String: String] = [
        "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
        "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
        "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30",
        "forty": "40", "fifty": "50", "sixty": "60", "hundred": "100", "dozen": "12", "couple": "2",
        "deux": "2", "trois": "3", "quatre": "4", "cinq": "5", "zwei": "2", "drei": "3", "vier": "4", "funf": "5",
        "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5",
    ]

    /// Ordinal words ("second floor", "third visit").
    static let ordinalWords: [String: String] = [
        "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7", "eighth": "8",
        "ninth": "9", "tenth": "10",
    ]

    /// Month names and abbreviations → month number.
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
        "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
        "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
        "januar": 1, "februar": 2, "marz": 3, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
        "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
        "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    ]

    /// Month words that are also common words: months only next to a day number ("may 5").
    static let ambiguousMonths: Set<String> = ["may", "mar", "mai", "jan", "dec", "sep", "mars"]

    /// Days and day-like references → their canonical name.
    static let days: [String: String] = [
        "monday": "monday", "mondays": "monday", "tuesday": "tuesday", "tuesdays": "tuesday", "tue": "tuesday",
        "tues": "tuesday", "wednesday": "wednesday", "wednesdays": "wednesday", "weds": "wednesday",
        "thursday": "thursday", "thursdays": "thursday", "thu": "thursday", "thur": "thursday", "thurs": "thursday",
        "friday": "friday", "fridays": "friday", "fri": "friday", "saturday": "saturday", "saturdays": "saturday",
        "sunday": "sunday", "sundays": "sunday",
        "lundi": "monday", "mardi": "tuesday", "mercredi": "wednesday", "jeudi": "thursday", "vendredi": "friday",
        "samedi": "saturday", "dimanche": "sunday",
        "montag": "monday", "dienstag": "tuesday", "mittwoch": "wednesday", "donnerstag": "thursday",
        "freitag": "friday", "samstag": "saturday", "sonnabend": "saturday", "sonntag": "sunday",
        "lunes": "monday", "martes": "tuesday", "miercoles": "wednesday", "jueves": "thursday", "viernes": "friday",
        "sabado": "saturday", "domingo": "sunday",
        "today": "today", "tonight": "tonight", "tomorrow": "tomorrow", "yesterday": "yesterday", "now": "now",
        "weekend": "weekend", "weekends": "weekend", "weekday": "weekday", "weekdays": "weekday",
        "holiday": "holiday", "holidays": "holiday", "christmas": "christmas", "xmas": "christmas",
        "easter": "easter", "thanksgiving": "thanksgiving",
        "aujourd'hui": "today", "demain": "tomorrow", "heute": "today", "morgen": "tomorrow", "hoy": "today",
        "manana": "tomorrow",
    ]

    /// Two-word day references.
    static let dayPhrases: [String: String] = [
        "new year": "newyear", "new years": "newyear", "new year's": "newyear", "this week": "thisweek",
        "next week": "nextweek", "bank holiday": "holiday", "public holiday": "holiday", "right now": "now",
    ]

    static let currencySymbols: [Character: String] = ["$": "$", "€": "eur", "£": "gbp", "¥": "jpy"]

    static let currencyWords: [String: String] = [
        "usd": "$", "dollar": "$", "dollars": "$", "bucks": "$", "eur": "eur", "euro": "eur", "euros": "eur",
        "gbp": "gbp", "chf": "chf", "francs": "chf",
    ]

    static let multipliers: [String: Double] = ["k": 1_000, "m": 1_000_000, "thousand": 1_000, "million": 1_000_000, "mil": 1_000_000]

    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "er", "eme"]

    /// Units glued to a number ("12kg", "80m2"): the number keeps its unit.
    static let units: Set<String> = [
        "kg", "g", "km", "m", "cm", "mm", "l", "ml", "lb", "lbs", "oz", "ft", "sqft", "m2", "sqm", "min", "mins",
        "hr", "hrs", "h", "x", "gb", "tb", "mb", "mp", "w", "v", "mg",
    ]
}
