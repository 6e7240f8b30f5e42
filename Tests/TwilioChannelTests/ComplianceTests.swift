import ChannelKit
import Testing
import TwilioChannel

@Suite struct ComplianceTests {
    @Test(arguments: [
        ("STOP", "stop"), ("stop ", "stop"), (" Stop.", "stop"), ("StopAll", "stop"), ("UNSUBSCRIBE", "stop"),
        ("cancel", "stop"), ("End!", "stop"), ("quit", "stop"),
        ("START", "start"), ("unstop", "start"), ("Yes", "start"),
        ("HELP", "help"), ("help?", "help"), ("\nInfo\n", "help"),
    ])
    func marksKeywords(body: String, compliance: String) throws {
        let message = try onlyMessage(TestAccount.adapter().parse(fields: Webhooks.sms(body)))
        #expect(message.metadata["compliance"] == compliance)
        #expect((message.metadata["complianceReply"] != nil) == (compliance == "help"))
        #expect(message.text == body, "the text is kept as the customer wrote it")
    }

    @Test(arguments: ["please stop the order", "Stop by at 5?", "yes please", "helpful", "", "S T O P"])
    func leavesOrdinaryMessagesAlone(body: String) throws {
        let message = try onlyMessage(TestAccount.adapter().parse(fields: Webhooks.sms(body)))
        #expect(message.metadata["compliance"] == nil)
    }

    @Test func answersHelpWithTheTenantsText() throws {
        let adapter = try TestAccount.adapter(settings: ["helpText": .string("Bella's Bakery: call +1 415 555 0100.")])
        let help = try onlyMessage(adapter.parse(fields: Webhooks.sms("HELP")))
        #expect(help.metadata["complianceReply"] == "Bella's Bakery: call +1 415 555 0100.")
        #expect(adapter.complianceReply(to: help)?.text == "Bella's Bakery: call +1 415 555 0100.")
        let stop = try onlyMessage(adapter.parse(fields: Webhooks.sms("STOP")))
        #expect(stop.metadata["complianceReply"] == nil)
        #expect(adapter.complianceReply(to: stop) == nil)
        let ordinary = try onlyMessage(adapter.parse(fields: Webhooks.sms("Hi")))
        #expect(adapter.complianceReply(to: ordinary) == nil)
    }

    @Test func keywordLookup() {
        #expect(SMSCompliance.keyword(in: "Unstop") == .start)
        #expect(SMSCompliance.keyword(in: "hello") == nil)
    }
}
