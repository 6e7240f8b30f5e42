/// The small vocabulary of words that change an answer while barely moving an embedding.
///
/// Each word or phrase (lower-cased, accents folded, up to three words) maps to a group.
/// **Actions** are what the customer wants done or asks about (`cancel`, `renew`, `book`,
/// `refund`, `deliver`, `pickup`, `price`…); synonyms share a group (cancel, cancellation,
/// unsubscribe, stornieren → `cancel`). **Attributes** qualify the thing asked about: diets,
/// sizes, colours, audiences, the channel (online, in person, by phone), the time of day,
/// "only". Two questions share an answer only if both have the same action groups and the same
/// attributes. Phrases are matched longest first, so "pick up" is `pickup` and "close to" is not
/// `close`; a few phrases map to nothing, only to stop a shorter match.
///
/// English is complete for a customer-service desk; French, German and Spanish have the most
/// common forms only.
enum KeyTermLexicon {
    enum Kind: Sendable { case action, attribute, ignored }

    struct Term: Sendable {
        var kind: Kind
        var group: String
    }

    /// Groups that are each other's opposite: never merged into one group (a test checks it),
    /// and named in the explanation of a refusal.
    static let opposites: [(String, String)] = [
        ("cancel", "book"), ("cancel", "renew"), ("cancel", "order"), ("cancel", "register"),
        ("open", "close"), ("buy", "sell"), ("buy", "rent"), ("deliver", "pickup"), ("add", "remove"),
        ("refund", "pay"), ("upgrade", "downgrade"), ("pause", "resume"), ("book", "reschedule"),
    ]

    /// The longest phrase in words.
    static let longestPhrase = 3

    /// Looks a phrase up: `words` joined by single spaces.
    static func term(_ phrase: String) -> Term? {
        table[phrase]
    }

    private static let actions: [String: [String]] = [
        "cancel": ["cancel", "cancels", "cancelled", "canceled", "cancelling", "canceling", "cancellation",
                   "cancellations", "unsubscribe", "terminate", "termination", "call off", "opt out",
                   "annuler", "annulation", "stornieren", "stornierung", "storno", "kundigen", "kundigung",
                   "cancelar", "cancelacion", "anular"],
        "renew": ["renew", "renews", "renewed", "renewal", "renewals", "renewing", "extend", "extends",
                  "extension", "prolong", "renouveler", "renouvellement", "verlangern", "verlangerung",
                  "renovar", "renovacion"],
        "book": ["book", "booked", "booking", "bookings", "reserve", "reserved", "reservation",
                 "reservations", "schedule", "scheduled", "scheduling", "appointment", "appointments",
                 "reserver", "rendez-vous", "buchen", "buchung", "termin", "reservieren", "reservierung",
                 "reservar", "reserva", "cita"],
        "reschedule": ["reschedule", "rescheduled", "rescheduling", "postpone", "postponed", "change the date",
                       "change the time", "move the appointment", "verschieben", "reporter", "aplazar", "reprogramar"],
        "change": ["change", "changes", "changed", "changing", "modify", "modified", "modification", "amend",
                   "amendment", "edit", "update", "updated", "alter", "switch", "modifier", "andern", "cambiar"],
        "refund": ["refund", "refunds", "refunded", "refunding", "reimburse", "reimbursed", "reimbursement",
                   "money back", "chargeback", "rembourser", "remboursement", "erstattung", "ruckerstattung",
                   "reembolso"],
        "return": ["return", "returns", "returned", "returning", "send back", "send it back", "bring back",
                   "retour", "retourner", "rucksendung", "zuruckgeben", "devolver", "devolucion"],
        "exchange": ["exchange", "exchanges", "exchanged", "swap", "replace", "replacement", "echanger",
                     "umtausch", "umtauschen"],
        "add": ["add", "adding", "added", "add on", "ajouter", "hinzufugen", "anadir", "agregar"],
        "remove": ["remove", "removed", "removing", "removal", "delete", "deleted", "deleting", "deletion",
                   "take off", "supprimer", "loschen", "eliminar", "borrar"],
        "open": ["open", "opens", "opened", "opening", "open up", "ouvert", "ouvrir", "ouverture", "geoffnet",
                 "offnen", "offnungszeiten", "abierto", "abre", "abrir"],
        "close": ["close", "closes", "closed", "closing", "shut", "ferme", "fermer", "fermeture", "geschlossen",
                  "schliessen", "cerrado", "cierra", "cerrar"],
        "buy": ["buy", "buying", "bought", "purchase", "purchased", "purchasing", "for sale", "acheter", "achat",
                "kaufen", "kauf", "comprar", "compra"],
        "sell": ["sell", "sells", "selling", "sold", "list my", "vendre", "verkaufen", "vender", "venta"],
        "rent": ["rent", "rents", "rental", "rentals", "renting", "rented", "lease", "leases", "leasing", "leased",
                 "tenancy", "to let", "louer", "mieten", "miete", "vermieten", "alquilar", "alquiler", "arrendar"],
        "deliver": ["deliver", "delivers", "delivered", "delivering", "delivery", "deliveries", "ship", "ships",
                    "shipped", "shipping", "shipment", "courier", "livraison", "livrer", "liefern", "lieferung",
                    "versand", "entrega", "envio", "enviar"],
        "pickup": ["pickup", "pick up", "pick-up", "pick it up", "collect", "collection", "click and collect",
                   "takeaway", "take away", "take-away", "takeout", "take out", "take-out", "to go", "carry out",
                   "carryout", "curbside", "retrait", "abholen", "abholung", "recoger", "recogida", "para llevar"],
        "pay": ["pay", "pays", "paying", "paid", "payment", "payments", "payer", "paiement", "bezahlen", "zahlung",
                "zahlen", "pagar", "pago"],
        "price": ["price", "prices", "pricing", "priced", "cost", "costs", "how much", "fee", "fees", "charge",
                  "charges", "charged", "rate", "rates", "expensive", "cheap", "cheaper", "afford", "affordable",
                  "free", "free of charge", "tariff", "prix", "tarif", "cout", "combien", "gratuit", "preis", "kosten",
                  "kostet", "wieviel", "kostenlos", "precio", "cuesta", "cuanto", "costo", "gratis"],
        "track": ["track", "tracking", "trace"],
        "access": ["login", "log in", "log-in", "sign in", "sign-in", "password", "username", "locked out"],
        "register": ["register", "registration", "sign up", "sign-up", "signup", "enroll", "enrol", "enrollment",
                     "join", "subscribe"],
        "contact": ["contact", "reach", "speak to", "talk to", "speak with", "talk with", "get in touch"],
        "visit": ["viewing", "viewings", "tour", "tours", "visit", "visits", "visiting", "showing", "open house",
                  "open day"],
        "apply": ["apply", "applying", "application", "applications"],
        "complain": ["complain", "complaint", "complaints"],
        "upgrade": ["upgrade", "upgrades", "upgrading"],
        "downgrade": ["downgrade", "downgrades", "downgrading"],
        "pause": ["pause", "paused", "freeze", "suspend", "suspension", "put on hold"],
        "resume": ["resume", "reactivate", "reactivation", "unfreeze"],
        "transfer": ["transfer", "transfers", "transferring"],
        "order": ["order", "orders", "ordering", "ordered", "commande", "commander", "bestellen", "bestellung",
                  "pedido", "pedir"],
        "repair": ["repair", "repairs", "repaired", "fix", "fixing", "fixed"],
        "warranty": ["warranty", "warranties", "guarantee", "guaranteed"],
        "giftcard": ["gift card", "gift cards", "voucher", "vouchers", "gift certificate", "gift voucher"],
        "giftwrap": ["gift wrap", "gift wrapping", "gift-wrap", "gift-wrapped", "wrapping"],
    ]

    private static let attributes: [String: [String]] = [
        "vegan": ["vegan", "vegans", "vegane", "veganen", "vegano", "vegana", "plant-based", "plant based"],
        "vegetarian": ["vegetarian", "vegetarians", "veggie", "vegetarien", "vegetarienne", "vegetarisch", "vegetarische", "vegetarischen", "vegetariano", "vegetariana"],
        "glutenfree": ["gluten", "gluten-free", "gluten free", "celiac", "coeliac", "sans gluten", "glutenfrei", "sin gluten"],
        "halal": ["halal"],
        "kosher": ["kosher"],
        "dairyfree": ["dairy", "dairy-free", "dairy free", "lactose", "lactose-free", "lactose free"],
        "nuts": ["nut", "nuts", "peanut", "peanuts", "nut-free", "nut free", "tree nut", "tree nuts"],
        "keto": ["keto"],
        "organic": ["organic"],
        "sugarfree": ["sugar-free", "sugar free", "diabetic"],
        "spicy": ["spicy", "hot sauce"],
        "small": ["small", "smaller", "xs"],
        "medium": ["medium"],
        "large": ["large", "larger", "big", "bigger", "xl", "xxl", "extra large", "family size"],
        "red": ["red"], "blue": ["blue"], "green": ["green"], "black": ["black"], "white": ["white"],
        "yellow": ["yellow"], "pink": ["pink"], "purple": ["purple"], "grey": ["grey", "gray"],
        "brown": ["brown"], "orange": ["orange"], "beige": ["beige"], "navy": ["navy"], "silver": ["silver"],
        "gold": ["gold"],
        "children": ["kid", "kids", "child", "children", "childrens", "baby", "babies", "infant", "infants",
                     "toddler", "toddlers", "teen", "teens", "teenager", "minor", "minors", "enfant", "enfants",
                     "kinder", "nino", "ninos"],
        "adult": ["adult", "adults"],
        "senior": ["senior", "seniors", "elderly", "pensioner", "pensioners"],
        "student": ["student", "students"],
        "pets": ["pet", "pets", "dog", "dogs", "cat", "cats"],
        "online": ["online", "website", "web", "internet", "app", "the app", "en ligne"],
        "inperson": ["in person", "in-person", "in store", "in-store", "walk in", "walk-in", "walk-ins"],
        "phone": ["phone", "by phone", "over the phone", "call", "calling", "telephone", "telefon"],
        "email": ["email", "e-mail", "emails", "by email"],
        "message": ["whatsapp", "sms", "text", "texting", "text message"],
        "only": ["only", "seulement", "nur", "solo"],
        "furnished": ["furnished"],
        "unfurnished": ["unfurnished"],
        "used": ["second-hand", "secondhand", "second hand", "refurbished", "pre-owned"],
        "breakfast": ["breakfast"], "brunch": ["brunch"], "lunch": ["lunch", "lunchtime"],
        "dinner": ["dinner", "supper"],
        "morning": ["morning", "mornings"], "afternoon": ["afternoon", "afternoons"],
        "evening": ["evening", "evenings"], "night": ["night", "nights", "overnight"],
        "urgent": ["urgent", "emergency", "emergencies", "asap"],
        "sameday": ["same day", "same-day"], "nextday": ["next day", "next-day"], "express": ["express"],
    ]

    /// Phrases that only stop a shorter match ("close to" is about distance, not closing time).
    private static let ignored = [
        "close to", "close by", "in order to", "sold out", "free time", "feel free", "no-show", "no-shows",
        "in addition",
    ]

    private static let table: [String: Term] = {
        var table: [String: Term] = [:]
        for (group, phrases) in actions {
            for phrase in phrases { table[phrase] = Term(kind: .action, group: group) }
        }
        for (group, phrases) in attributes {
            for phrase in phrases { table[phrase] = Term(kind: .attribute, group: group) }
        }
        for phrase in ignored { table[phrase] = Term(kind: .ignored, group: "") }
        return table
    }()

    /// First words of the phrases of two words or more: only these start a longer lookup.
    static let phraseStarts: Set<String> = Set(table.keys.compactMap { phrase in
        phrase.contains(Character(" ")) ? phrase.split(separator: " ").first.map(String.init) : nil
    })

    /// Every phrase with its group and kind, for tests and diagnostics.
    static var allPhrases: [(phrase: String, group: String, kind: Kind)] {
        actions.flatMap { group, phrases in phrases.map { ($0, group, Kind.action) } }
            + attributes.flatMap { group, phrases in phrases.map { ($0, group, Kind.attribute) } }
            + ignored.map { ($0, "", Kind.ignored) }
    }
}
