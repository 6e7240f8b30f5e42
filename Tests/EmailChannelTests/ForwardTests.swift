import EmailChannel
import Testing

@Suite struct ForwardTests {
    @Test func gmailForwardKeepsTheNoteAboveIt() {
        let body = """
        FYI, this is the confirmation I got. The date is wrong.

        ---------- Forwarded message ---------
        From: Acme Bookings <bookings@acme.com>
        Date: Tue, Mar 4, 2025 at 10:12 AM
        Subject: Booking confirmed
        To: <jane@example.com>

        Your booking for 14 March is confirmed.
        """
        #expect(EmailReplyExtractor.visibleReply(body) == "FYI, this is the confirmation I got. The date is wrong.")
    }

    @Test func appleMailForward() {
        let body = """
        Can you check this charge?

        Begin forwarded message:

        From: Acme Billing <billing@acme.com>
        Subject: Payment received
        Date: 4 March 2025 at 10:12:00 CET
        """
        #expect(EmailReplyExtractor.visibleReply(body) == "Can you check this charge?")
    }

    @Test func aBareForwardReturnsTheOriginal() {
        let body = "---------- Forwarded message ---------\nFrom: Acme <a@acme.com>\nDate: Tue, Mar 4, 2025\nSubject: Hi\nTo: <j@example.com>\n\nHello"
        #expect(EmailReplyExtractor.visibleReply(body) == body)
    }
}
