import EmailChannel
import Testing

@Suite struct LanguageTests {
    /// A reply in `text` above `attribution` and a short quote.
    private func reply(_ text: String, attribution: String) -> String {
        "\(text)\n\n\(attribution)\n\n> Bonjour / Hallo / Hola / Olá / Ciao / Hoi\n> --\n> Acme\n"
    }

    @Test func french() {
        let body = reply("Merci, c'est réglé.", attribution: "Le mar. 4 mars 2025 à 10:12, Acme Support <support@acme.com> a\u{202F}écrit\u{00A0}:")
        #expect(EmailReplyExtractor.visibleReply(body) == "Merci, c'est réglé.")
    }

    @Test func german() {
        let body = reply("Danke, das hat funktioniert.", attribution: "Am Di., 4. März 2025 um 10:12 Uhr schrieb Acme Support <support@acme.com>:")
        #expect(EmailReplyExtractor.visibleReply(body) == "Danke, das hat funktioniert.")
    }

    @Test func spanish() {
        let body = reply("Gracias, ya funciona.", attribution: "El mar, 4 mar 2025 a las 10:12, Acme Support (<support@acme.com>) escribió:")
        #expect(EmailReplyExtractor.visibleReply(body) == "Gracias, ya funciona.")
    }

    @Test func portuguese() {
        let body = reply("Obrigado, já está resolvido.", attribution: "Em ter., 4 de mar. de 2025 às 10:12, Acme Support <support@acme.com> escreveu:")
        #expect(EmailReplyExtractor.visibleReply(body) == "Obrigado, já está resolvido.")
    }

    @Test func italian() {
        let body = reply("Grazie, ora funziona.", attribution: "Il giorno mar 4 mar 2025 alle ore 10:12 Acme Support <support@acme.com> ha scritto:")
        #expect(EmailReplyExtractor.visibleReply(body) == "Grazie, ora funziona.")
    }

    @Test func dutch() {
        let body = reply("Bedankt, het werkt weer.", attribution: "Op di 4 mrt 2025 om 10:12 schreef Acme Support <support@acme.com>:")
        #expect(EmailReplyExtractor.visibleReply(body) == "Bedankt, het werkt weer.")
    }

    @Test func germanWrappedOverTwoLines() {
        let body = """
        Passt, danke!

        Am Di., 4. März 2025 um 10:12 Uhr schrieb Acme Kundenservice <
        kundenservice@acme-example.de>:

        > Ihr Paket ist unterwegs.
        """
        #expect(EmailReplyExtractor.visibleReply(body) == "Passt, danke!")
    }
}
