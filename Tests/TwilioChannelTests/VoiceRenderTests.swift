import ChannelKit
import Foundation
import Testing
import TwilioChannel

@Suite struct VoiceRenderTests {
    static func render(
        _ text: String, intent: ReplyIntent = .answer, to address: ConversationAddress = VoiceTestCall.address(turn: "2"),
        settings: [String: JSONValue?] = [:]
    ) throws -> Delivery {
        try VoiceTestCall.adapter(settings: settings).render(OutboundMessage(id: "msg_1", text: text, intent: intent), for: address)
    }

    @Test func anAnswerIsSaidAndTheNextTurnListenedTo() throws {
        let delivery = try Self.render("We have rye bread on Tuesdays and Fridays.")
        guard case .webhookReply(let response) = delivery else {
            throw TestFailure(description: "expected a webhook reply, got \(delivery)")
        }
        #expect(bodyText(response) == """
            <?xml version="1.0" encoding="UTF-8"?><Response>\
            <Gather input="speech" action="/webhooks/bakery-voice?step=gather&amp;turn=3" method="POST" language="en-US" \
            timeout="5" speechTimeout="auto" actionOnEmptyResult="true">\
            <Say voice="Polly.Joanna" language="en-US">We have rye bread on Tuesdays and Fridays.</Say>\
            </Gather></Response>
            """)
    }

    @Test func theAnswerIsMadeSpeakableAndEscaped() throws {
        let root = try twiml(Self.render("**Salt & pepper** loaves 🥖 are $4.50, see [our menu](https://bakery.com/menu). We open at 07:30."))
        let say = try root.child("Gather").child("Say")
        #expect(say.text == "Salt & pepper loaves are $4.50, see our menu. We open at 7:30 AM.")
        guard case .webhookReply(let response) = try Self.render("Salt & pepper") else { return }
        #expect(bodyText(response).contains("Salt &amp; pepper"))
    }

    @Test func aLongAnswerIsCutAtASentence() throws {
        let text = "Our sourdough takes two days to make. " + String(repeating: "It is worth the wait, truly. ", count: 10)
        let say = try twiml(Self.render(text, settings: ["maxSpokenCharacters": .number(100)])).child("Gather").child("Say")
        #expect(say.text.count <= 100)
        #expect(say.text == "Our sourdough takes two days to make. It is worth the wait, truly. It is worth the wait, truly.")
    }

    @Test func theActionURLUsesThePathOfTheAnsweredMessage() throws {
        let root = try twiml(Self.render("Yes.", to: VoiceTestCall.address(turn: "7", path: "/gw/webhooks/bakery-voice")))
        #expect(try root.child("Gather").attributes["action"] == "/gw/webhooks/bakery-voice?step=gather&turn=8")
    }

    @Test func withoutContextTheTurnComesFromTheMessageID() throws {
        let address = ConversationAddress(
            recipient: Participant(channelUserID: VoiceTestCall.caller, phone: VoiceTestCall.caller),
            threadKey: VoiceTestCall.callSid, inReplyTo: "\(VoiceTestCall.callSid):4"
        )
        let root = try twiml(Self.render("Sure.", to: address))
        #expect(try root.child("Gather").attributes["action"] == "/webhooks/bakery-voice?step=gather&turn=5")
    }

    @Test func aHandoffWithAStaffNumberTransfersTheCall() throws {
        let root = try twiml(Self.render(
            "Let me put you through to one of our bakers.", intent: .handoff, settings: ["humanNumber": .string(VoiceTestCall.staffNumber)]
        ))
        #expect(root.verbs == ["Say", "Dial"])
        #expect(try root.child("Say").text == "Let me put you through to one of our bakers.")
        let dial = try root.child("Dial")
        #expect(dial.text == VoiceTestCall.staffNumber)
        #expect(dial.attributes == ["action": "/webhooks/bakery-voice?step=dialed", "method": "POST"])
    }

    @Test func aHandoffWithoutAStaffNumberTakesAMessage() throws {
        let root = try twiml(Self.render("I'll pass this to one of our bakers.", intent: .handoff, settings: [
            "takeMessageText": .string("Please leave your name and number after this."),
        ]))
        #expect(root.verbs == ["Gather"])
        let gather = try root.child("Gather")
        #expect(gather.attributes["action"] == "/webhooks/bakery-voice?step=message")
        #expect(gather.attributes["input"] == "speech")
        #expect(gather.attributes["actionOnEmptyResult"] == "true")
        #expect(try gather.child("Say").text == "I'll pass this to one of our bakers. Please leave your name and number after this.")
    }

    @Test func aHandoffTextWithoutFullStopIsEndedBeforeTheInvitation() throws {
        let root = try twiml(Self.render("One moment", intent: .handoff))
        #expect(try root.child("Gather").child("Say").text == "One moment. " + VoiceSettings.defaultTakeMessageText)
    }

    @Test func aNoticeIsSaidAndTheCallHungUp() throws {
        let root = try twiml(Self.render(
            "You've reached today's limit of calls. Please call again tomorrow.", intent: .notice, to: VoiceTestCall.address(turn: "0")
        ))
        #expect(root.verbs == ["Say", "Hangup"])
        #expect(try root.child("Say").text == "You've reached today's limit of calls. Please call again tomorrow.")
    }

    @Test func aClosingIsSaidAndTheCallHungUp() throws {
        let root = try twiml(Self.render(VoiceTestCall.farewell, intent: .closing))
        #expect(root.verbs == ["Say", "Hangup"])
        #expect(try root.child("Say").text == VoiceTestCall.farewell)
    }

    @Test(arguments: [ReplyIntent.answer, .handoff])
    func anyReplyToALeftMessageHangsUp(intent: ReplyIntent) throws {
        let root = try twiml(Self.render("Thanks, we'll call you back.", intent: intent, to: VoiceTestCall.address(turn: "message")))
        #expect(root.verbs == ["Say", "Hangup"])
    }

    @Test func anAnswerWithNothingSpeakableStillListens() throws {
        let root = try twiml(Self.render("👍🎉"))
        let gather = try root.child("Gather")
        #expect(gather.children.isEmpty)
        #expect(gather.attributes["action"] == "/webhooks/bakery-voice?step=gather&turn=3")
    }

    @Test func aWholeCallFromGreetingToGoodbye() throws {
        let adapter = try VoiceTestCall.adapter(settings: ["farewell": .string(VoiceTestCall.farewell)])

        // The call starts; the pipeline accepts it and answers nothing: the greeting.
        let call = VoiceTestCall.request(VoiceTestCall.incoming())
        try adapter.verify(call)
        let start = try onlyMessage(adapter.parse(call))
        #expect(start.metadata[InboundMetadataKey.callStarted] == "true")
        let greeting = try twiml(adapter.acknowledgement(for: call, accepted: 1, duplicates: 0))
        let turn1 = try #require(try greeting.child("Gather").attributes["action"])

        // Turn 1: a question, answered.
        let question = VoiceTestCall.following(turn1, with: VoiceTestCall.gather("When do you open on Sunday?"))
        try adapter.verify(question)
        let asked = try onlyMessage(adapter.parse(question))
        #expect(asked.providerMessageID == "\(VoiceTestCall.callSid):1")
        let answer = OutboundMessage(id: "msg_2", text: "On Sunday we open at 08:00 and close at 14:00.")
        let answered = try twiml(adapter.render(answer, for: VoiceTestCall.address(answering: asked)))
        let say = try answered.child("Gather").child("Say")
        #expect(say.text == "On Sunday we open at 8 AM and close at 2 PM.")
        let turn2 = try #require(try answered.child("Gather").attributes["action"])
        #expect(turn2 == "/webhooks/bakery-voice?step=gather&turn=2")

        // Turn 2: goodbye, answered by the pipeline with the farewell as a closing.
        let bye = VoiceTestCall.following(turn2, with: VoiceTestCall.gather("That's all, thanks."))
        try adapter.verify(bye)
        let goodbye = try onlyMessage(adapter.parse(bye))
        #expect(goodbye.providerMessageID == "\(VoiceTestCall.callSid):2")
        let farewell = try #require(goodbye.metadata[InboundMetadataKey.closingReply])
        let closing = OutboundMessage(id: "msg_3", text: farewell, intent: .closing)
        let end = try twiml(adapter.render(closing, for: VoiceTestCall.address(answering: goodbye)))
        #expect(end.verbs == ["Say", "Hangup"])
        #expect(try end.child("Say").text == VoiceTestCall.farewell)

        // The number's status callback reports the minutes.
        let status = VoiceTestCall.request(VoiceTestCall.status("completed", duration: "74"), query: "step=status")
        try adapter.verify(status)
        #expect(try onlyUsage(adapter.parse(status)).usage == [ChannelUsage(kind: .voiceMinute, quantity: 2)])
    }
}
