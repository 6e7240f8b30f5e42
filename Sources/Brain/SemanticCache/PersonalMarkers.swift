/// Finds the words that make a question about the customer's own affairs, whose answer depends
/// on who asks: "where is my order", "my appointment", "I booked a table", "call me back".
///
/// Three kinds of marker:
/// - **status questions** ("where is my…", "has my…", "when will my…", "I haven't received…"):
///   always personal;
/// - **a possessive and a thing the business keeps per customer** within three words ("my last
///   order", "our reservation", "ma commande", "meine Buchung"), and **I/we with a past
///   transaction** ("I ordered", "we've booked", "I have an appointment"): personal unless the
///   question asks how something is done ("How do I cancel my subscription?" has one answer for
///   everybody);
/// - **requests for an action on the customer** ("call me", "book me in", "remind me").
enum PersonalMarkers {
    /// One word of the question, with whether it starts a clause (after . ? ! , or at the start).
    struct Word {
        var text: String
        var startsClause: Bool
    }

    /// Only the markers that make any answer wrong for anybody else: a status question about
    /// the customer's own affairs or a request to act on the customer. ("Can I return a jacket I
    /// bought?" has a possessive or a past transaction, and a policy answers it.)
    static func statusOrRequestMarker(in words: [Word]) -> String? {
        statusMarker(words) ?? requestMarker(words.map(\.text))
    }

    static func marker(in words: [Word]) -> String? {
        let texts = words.map(\.text)
        if let status = statusMarker(words) { return status }
        if let request = requestMarker(texts) { return request }
        if isProcedural(texts) { return nil }
        return possessiveMarker(texts) ?? transactionMarker(texts)
    }

    // MARK: - Status questions

    /// Openers that mark a status question wherever they are.
    private static let statusAnywhere: [[String]] = [
        ["where", "is", "my"], ["where's", "my"], ["wheres", "my"], ["where", "are", "my"], ["status", "of", "my"],
        ["when", "will", "my"], ["when", "is", "my"], ["when's", "my"], ["what", "time", "is", "my"],
        ["did", "you", "receive", "my"], ["did", "you", "get", "my"], ["haven't", "received"], ["havent", "received"],
        ["have", "not", "received"], ["never", "received"], ["didn't", "receive"], ["didnt", "receive"],
        ["didn't", "get", "my"], ["still", "waiting", "for", "my"], ["ou", "est", "ma"], ["ou", "est", "mon"],
        ["wo", "ist", "mein"], ["wo", "ist", "meine"], ["donde", "esta", "mi"],
    ]

    /// Openers that mark a status question only at the start of a clause ("Has my order
    /// shipped?", but not "Can I have my hair cut?").
    private static let statusAtClauseStart: [[String]] = [
        ["has", "my"], ["have", "my"], ["is", "my"], ["was", "my"], ["did", "my"], ["are", "my"], ["were", "my"],
        ["has", "our"], ["is", "our"], ["did", "our"],
    ]

    private static let statusAnywhereByFirstWord = byFirstWord(statusAnywhere)
    private static let statusAtClauseStartByFirstWord = byFirstWord(statusAtClauseStart)

    private static func statusMarker(_ words: [Word]) -> String? {
        let texts = words.map(\.text)
        for start in texts.indices {
            for pattern in statusAnywhereByFirstWord[texts[start]] ?? [] where matches(pattern, texts, at: start) {
                return pattern.joined(separator: " ")
            }
            guard let patterns = statusAtClauseStartByFirstWord[texts[start]],
                  words[start].startsClause || isFiller(texts, before: start) else { continue }
            for pattern in patterns where matches(pattern, texts, at: start) {
                return pattern.joined(separator: " ")
            }
        }
        return nil
    }

    private static func byFirstWord(_ patterns: [[String]]) -> [String: [[String]]] {
        Dictionary(grouping: patterns) { $0[0] }
    }

    /// Whether only greetings come before `index` in its clause ("hi, has my order shipped").
    private static func isFiller(_ texts: [String], before index: Int) -> Bool {
        index > 0 && index <= 2 && texts[..<index].allSatisfy { fillers.contains($0) }
    }

    private static let fillers: Set<String> = ["hi", "hello", "hey", "so", "and", "also", "ok", "okay", "please", "um", "yes", "sorry"]

    // MARK: - Requests on the customer

    private static let requestVerbs: Set<String> = [
        "call", "email", "text", "remind", "book", "sign", "put", "add", "contact", "ring", "message", "notify",
        "register", "enroll", "enrol", "schedule", "reserve",
    ]

    private static func requestMarker(_ texts: [String]) -> String? {
        for index in texts.indices.dropFirst() where texts[index] == "me" && requestVerbs.contains(texts[index - 1]) {
            return "\(texts[index - 1]) me"
        }
        return nil
    }

    // MARK: - How-to questions

    private static let procedural: [[String]] = [
        ["how", "do", "i"], ["how", "can", "i"], ["how", "could", "i"], ["how", "should", "i"], ["how", "do", "we"],
        ["how", "can", "we"], ["how", "to"], ["how", "does"], ["what", "is", "the", "process"],
        ["what's", "the", "process"], ["what", "is", "the", "procedure"], ["what's", "the", "procedure"],
        ["what", "is", "the", "policy"], ["what's", "the", "policy"], ["what", "do", "i", "need"],
        ["do", "i", "need", "to"], ["is", "it", "possible", "to"], ["what", "happens", "if"],
        ["comment", "puis-je"], ["comment", "faire"], ["wie", "kann", "ich"], ["como", "puedo"],
    ]

    private static let proceduralByFirstWord = byFirstWord(procedural)

    private static func isProcedural(_ texts: [String]) -> Bool {
        texts.indices.contains { start in
            proceduralByFirstWord[texts[start]]?.contains { matches($0, texts, at: start) } ?? false
        }
    }

    // MARK: - Possessions and past transactions

    private static let possessives: Set<String> = [
        "my", "our", "mon", "ma", "mes", "notre", "nos", "mein", "meine", "meinen", "meinem", "meiner", "meines",
        "unser", "unsere", "unseren", "mi", "mis", "nuestro", "nuestra", "mio", "mia", "meu", "minha",
    ]

    /// What a business keeps per customer.
    private static let possessions: Set<String> = [
        "order", "orders", "appointment", "appointments", "booking", "bookings", "reservation", "reservations",
        "account", "subscription", "delivery", "deliveries", "parcel", "parcels", "package", "packages", "shipment",
        "payment", "payments", "invoice", "invoices", "bill", "receipt", "refund", "return", "prescription",
        "prescriptions", "result", "results", "test", "tests", "lab", "labs", "report", "balance", "points", "card",
        "membership", "application", "viewing", "lease", "contract", "deposit", "offer", "visit", "treatment",
        "plan", "insurance", "claim", "policy", "cart", "basket", "item", "items", "purchase", "purchases",
        "voucher", "coupon", "tracking", "table", "room", "reference", "ticket", "tickets", "confirmation",
        "transaction", "loyalty", "profile", "details", "records", "record", "file", "case", "request",
        "complaint", "rent", "mortgage", "property", "house", "apartment", "flat", "unit", "session", "sessions",
        "consultation", "surgery", "procedure", "scan", "x-ray", "checkup", "check-up", "cleaning", "meal", "food",
        "pizza", "stay", "password",
        "commande", "rendez-vous", "livraison", "paiement", "facture", "abonnement", "compte", "colis",
        "remboursement", "bestellung", "termin", "buchung", "reservierung", "lieferung", "zahlung", "rechnung",
        "abo", "konto", "paket", "erstattung", "pedido", "cita", "reserva", "reservacion", "entrega", "pago",
        "factura", "suscripcion", "cuenta", "paquete", "reembolso",
    ]

    private static func possessiveMarker(_ texts: [String]) -> String? {
        for index in texts.indices where possessives.contains(texts[index]) {
            for next in (index + 1)..<min(index + 4, texts.count) where possessions.contains(texts[next]) {
                return texts[index...next].joined(separator: " ")
            }
        }
        return nil
    }

    private static let subjects: Set<String> = ["i", "i've", "ive", "i'd", "we", "we've", "weve", "j'ai", "ich", "wir"]

    /// Past transactions of the speaker.
    private static let transactions: Set<String> = [
        "ordered", "booked", "reserved", "paid", "placed", "bought", "purchased", "received", "returned", "sent",
        "scheduled", "cancelled", "canceled", "rented", "applied", "signed", "registered", "submitted",
        "transferred", "charged", "subscribed", "commande", "reserve", "paye", "achete", "recu", "bestellt",
        "gebucht", "bezahlt", "gekauft", "erhalten",
    ]

    /// "I have an appointment", "we had a reservation".
    private static let holdingVerbs: Set<String> = ["have", "had", "got", "hold"]

    private static func transactionMarker(_ texts: [String]) -> String? {
        for index in texts.indices where subjects.contains(texts[index]) {
            let window = (index + 1)..<min(index + 4, texts.count)
            if let verb = window.first(where: { transactions.contains(texts[$0]) }) {
                return texts[index...verb].joined(separator: " ")
            }
            if index + 1 < texts.count, holdingVerbs.contains(texts[index + 1]) {
                for next in (index + 2)..<min(index + 5, texts.count) where possessions.contains(texts[next]) {
                    return texts[index...next].joined(separator: " ")
                }
            }
        }
        return nil
    }

    private static func matches(_ pattern: [String], _ texts: [String], at start: Int) -> Bool {
        guard start + pattern.count <= texts.count else { return false }
        return zip(pattern, texts[start...]).allSatisfy { $0 == $1 }
    }
}
