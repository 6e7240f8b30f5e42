import EmailChannel
import Testing

@Suite struct OutlookTests {
    @Test func underscoreRuleAndHeaderBlock() {
        let body = """
        Hello,

        Please cancel my subscription from next month.

        Regards,
        Tom Baker
        ________________________________
        From: Acme Billing <billing@acme.com>
        Sent: Tuesday, March 4, 2025 10:12 AM
        To: Tom Baker <tom@example.com>
        Subject: Your invoice for March

        Dear Tom, your invoice is attached.
        """
        #expect(EmailReplyExtractor.visibleReply(body) == """
        Hello,

        Please cancel my subscription from next month.

        Regards,
        Tom Baker
        """)
    }

    @Test func headerBlockWithoutRuleInBoldAndFrench() {
        let body = """
        Bonjour, je n'ai toujours pas reçu le colis.

        *De :* Acme Support <support@acme.com>
        *Envoyé :* mardi 4 mars 2025 10:12
        *À :* Claire Martin <claire@example.fr>
        *Objet :* Votre commande 48213
        """
        #expect(EmailReplyExtractor.visibleReply(body) == "Bonjour, je n'ai toujours pas reçu le colis.")
    }

    @Test func originalMessageSeparator() {
        let body = """
        See the attached screenshot.

        -----Original Message-----
        From: Acme Support [mailto:support@acme.com]
        Sent: Tuesday, March 04, 2025 10:12 AM
        To: Tom Baker
        Subject: RE: Login problem

        Could you send a screenshot of the error?
        """
        #expect(EmailReplyExtractor.visibleReply(body) == "See the attached screenshot.")
    }

    @Test func germanOriginalMessageSeparator() {
        let body = """
        Die Rechnung ist falsch adressiert.

        -----Ursprüngliche Nachricht-----
        Von: Acme Buchhaltung <buchhaltung@acme.de>
        Gesendet: Dienstag, 4. März 2025 10:12
        An: Max Muster
        Betreff: Rechnung 2025-031
        """
        #expect(EmailReplyExtractor.visibleReply(body) == "Die Rechnung ist falsch adressiert.")
    }

    @Test func aFromLineInProseIsKept() {
        let body = """
        From: my account page, the export button does nothing.
        To: be clear, I tried two browsers.
        """
        #expect(EmailReplyExtractor.visibleReply(body) == body)
    }
}
