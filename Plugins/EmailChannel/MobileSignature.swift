/// The one-line signatures mobile and desktop mail apps add: "Sent from my iPhone" and the like.
enum MobileSignature {
    /// Each signature as an opening and an optional closing, lowercased; a device or app name of
    /// at most ``maximumNameWords`` words goes between them.
    private static let forms: [(opening: String, closing: String)] = [
        ("sent from my ", ""), ("sent from mail for ", ""), ("sent from outlook", ""),
        ("sent from yahoo mail", ""), ("get outlook for ", ""),
        ("envoyé de mon ", ""), ("envoyé depuis mon ", ""), ("envoyé de ", ""),
        ("von meinem ", " gesendet"), ("gesendet von meinem ", ""), ("gesendet von ", ""),
        ("enviado desde mi ", ""), ("enviado desde ", ""), ("enviado do meu ", ""), ("enviado do ", ""),
        ("inviato dal mio ", ""), ("inviato da ", ""),
        ("verzonden vanaf mijn ", ""), ("verstuurd vanaf mijn ", ""),
    ]

    /// The most words a device or app name may have, so sentences that start alike are kept.
    private static let maximumNameWords = 4

    /// Whether `line` is nothing but a mobile signature.
    static func matches(_ line: String) -> Bool {
        var text = EmailText.comparable(line)
        while let last = text.last, ".!".contains(last) {
            text.removeLast()
        }
        guard text.count <= 60 else { return false }
        return forms.contains { form in
            guard text.hasPrefix(form.opening), text.hasSuffix(form.closing),
                  text.count >= form.opening.count + form.closing.count else { return false }
            let name = text.dropFirst(form.opening.count).dropLast(form.closing.count)
            return name.split(separator: " ").count <= maximumNameWords && !name.contains(",")
        }
    }
}
