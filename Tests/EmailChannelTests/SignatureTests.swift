import EmailChannel
import Testing

@Suite struct SignatureTests {
    @Test func dashDashSpaceSignatureWithPhoneNumber() {
        let body = "Please call me back this afternoon.\n\n-- \nJane Doe\nHead of Operations, Example GmbH\n+49 30 1234567\n"
        #expect(EmailReplyExtractor.visibleReply(body) == "Please call me back this afternoon.")
    }

    @Test func mobileSignaturesInThreeLanguages() {
        #expect(EmailReplyExtractor.visibleReply("Ok, merci.\n\nEnvoyé de mon iPhone") == "Ok, merci.")
        #expect(EmailReplyExtractor.visibleReply("Alles klar.\n\nVon meinem iPhone gesendet") == "Alles klar.")
        #expect(EmailReplyExtractor.visibleReply("Perfecto.\n\nEnviado desde mi iPhone") == "Perfecto.")
    }

    @Test func otherAppSignatures() {
        let body = """
        The tracking link is broken.

        Get Outlook for iOS
        Sent from Mail for Windows
        Sent from my Samsung Galaxy smartphone.
        """
        #expect(EmailReplyExtractor.visibleReply(body) == "The tracking link is broken.")
    }

    @Test func sentencesThatStartLikeASignatureOrThankAreKept() {
        let body = """
        Sent from my iPhone the app crashes every time I open the cart.
        Thanks for the quick help so far.
        Thanks,
        Jane
        """
        #expect(EmailReplyExtractor.visibleReply(body) == body)
    }

    @Test func bottomPostWithSignatureAfterTheReply() {
        let body = """
        > When would you like the technician to come?

        Monday morning, please.

        -- \("")
        Jane
        """
        #expect(EmailReplyExtractor.visibleReply(body) == "Monday morning, please.")
    }
}
