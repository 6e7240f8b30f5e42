import EmailChannel
import Testing

@Suite struct TopPostingTests {
    @Test func gmailReplyAboveTheQuote() {
        let body = """
        Hi,

        The order number is 48213. It still shows "processing".

        Thanks,
        Jane

        On Tue, Mar 4, 2025 at 10:12 AM Acme Support <support@acme.com> wrote:

        > Hello Jane,
        >
        > Could you send us your order number?
        >
        > Best regards,
        > Acme Support
        """
        #expect(EmailReplyExtractor.visibleReply(body) == """
        Hi,

        The order number is 48213. It still shows "processing".

        Thanks,
        Jane
        """)
    }

    @Test func gmailAttributionWrappedOverTwoLines() {
        let body = """
        Yes, Thursday afternoon works for me.

        On Tue, Mar 4, 2025 at 10:12 AM Acme Customer Success Team <
        customer-success@acme-example.com> wrote:

        > Would Thursday afternoon suit you for the installation?
        """
        #expect(EmailReplyExtractor.visibleReply(body) == "Yes, Thursday afternoon works for me.")
    }

    @Test func appleMailWithNestedQuotes() {
        let body = """
        Perfect, thank you!

        Sent from my iPhone

        > On 4 Mar 2025, at 10:12, Acme Support <support@acme.com> wrote:
        >
        > Your refund has been issued.
        >
        >> On 3 Mar 2025, at 18:40, Jane Doe <jane@example.com> wrote:
        >>
        >> Where is my refund?
        """
        #expect(EmailReplyExtractor.visibleReply(body) == "Perfect, thank you!")
    }

    @Test func attributionFollowedByUnquotedHistoryCutsTheRest() {
        let body = """
        Still broken after the update.

        On Tue, Mar 4, 2025 at 10:12 AM Acme Support <support@acme.com> wrote:
        Please update the app to version 3.2 and try again.
        """
        #expect(EmailReplyExtractor.visibleReply(body) == "Still broken after the update.")
    }

    @Test func proseThatLooksLikeAnAttributionIsKept() {
        let body = """
        On Monday my colleague wrote:
        "the invoice is wrong", and she is right.
        """
        #expect(EmailReplyExtractor.visibleReply(body) == body)
    }
}
