import EmailChannel
import Testing

@Suite struct QuoteTests {
    @Test func bottomPostingKeepsTheTextBelowTheQuote() {
        let body = """
        On Tue, Mar 4, 2025 at 10:12 AM Acme Support <support@acme.com> wrote:
        > Is the device still under warranty?
        > Please check the sticker on the back.

        Yes, it was bought in January 2024. Serial number AX-99812.
        """
        #expect(EmailReplyExtractor.visibleReply(body) == "Yes, it was bought in January 2024. Serial number AX-99812.")
    }

    @Test func interleavedRepliesKeepEveryAnswer() {
        let body = """
        On Tue, Mar 4, 2025 at 10:12 AM Acme Support <support@acme.com> wrote:
        > 1. Which browser do you use?
        Firefox 124 on Ubuntu.

        > 2. Does it happen in a private window?
        Yes, same error.
        > 3. Since when?

        Since last Friday.
        """
        #expect(EmailReplyExtractor.visibleReply(body) == """
        Firefox 124 on Ubuntu.

        Yes, same error.

        Since last Friday.
        """)
    }

    @Test func onlyAQuoteReturnsTheOriginalTrimmed() {
        let body = "\n\n> Your ticket #4411 has been closed.\n> Reply to reopen it.\n\n"
        #expect(EmailReplyExtractor.visibleReply(body) == "> Your ticket #4411 has been closed.\n> Reply to reopen it.")
    }

    /// Only a `>` in the first column quotes: a `>` inside a line or after indentation is text.
    @Test func greaterThanInsideTextOrIndentedCodeIsKept() {
        let body = """
        Go to Settings > Billing > Export and run:

            > acme-cli export --since 2025-01-01 > out.csv

        It prints "permission denied".
        """
        #expect(EmailReplyExtractor.visibleReply(body) == body)
    }

    @Test func crlfAndTrailingWhitespaceAndBlankRuns() {
        let body = "Hello,  \r\n\r\n\r\n\r\nThe code is 1234.\t\r\n\r\nOn Tue, Mar 4, 2025 at 10:12 AM Acme <a@acme.com> wrote:\r\n> Your code?\r\n"
        #expect(EmailReplyExtractor.visibleReply(body) == "Hello,\n\nThe code is 1234.")
    }
}
