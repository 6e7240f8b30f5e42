import ChannelKit
import Foundation
import Testing
import TwilioChannel

/// Signature vectors computed with Python's standard library as twilio-python's
/// `RequestValidator` does (see SignatureTests), with token `f2a4c6e8b0d1f3a5c7e9b1d3f5a7c9e1`,
/// over the fields of `VoiceTestCall`.
@Suite struct VoiceSignatureTests {
    /// sig(T, "https://gw.example.com/webhooks/bakery-voice", incoming())
    static let incoming = "dx01CvWssWAiZGKg3hsHFa/zzwM="
    /// sig(T, "https://gw.example.com/webhooks/bakery-voice?step=gather&turn=1", gather("Do you have rye bread today?"))
    static let gatherWithQuery = "2L3cA75WMY5FoOQwKYb2bxh2rd0="
    /// sig(T, "https://gw.example.com/webhooks/bakery-voice", the same gather fields): the query left out.
    static let gatherWithoutQuery = "rPPjUWvvW3tmradqkhsuc2ZT2SA="

    @Test func acceptsAnIncomingCallSignedByTwilio() throws {
        let request = VoiceTestCall.request(VoiceTestCall.incoming(), signature: Self.incoming)
        try VoiceTestCall.adapter().verify(request)
    }

    @Test func acceptsAGatherResultSignedOverTheURLWithItsStep() throws {
        let fields = VoiceTestCall.gather("Do you have rye bread today?")
        let request = VoiceTestCall.request(fields, query: "step=gather&turn=1", signature: Self.gatherWithQuery)
        try VoiceTestCall.adapter().verify(request)
    }

    @Test func refusesASignatureThatLeavesTheQueryOut() throws {
        // Someone replaying a signed request on another step: the query is part of what Twilio signs.
        let fields = VoiceTestCall.gather("Do you have rye bread today?")
        let request = VoiceTestCall.request(fields, query: "step=gather&turn=1", signature: Self.gatherWithoutQuery)
        let error = try #require(throws: WebhookError.self) { try VoiceTestCall.adapter().verify(request) }
        #expect(error.status == 401)
        #expect(error.code == "invalid_signature")
    }

    @Test func refusesAChangedStep() throws {
        let fields = VoiceTestCall.gather("Do you have rye bread today?")
        let request = VoiceTestCall.request(fields, query: "step=message", signature: Self.gatherWithQuery)
        let error = try #require(throws: WebhookError.self) { try VoiceTestCall.adapter().verify(request) }
        #expect(error.code == "invalid_signature")
    }

    @Test func refusesAChangedSpeechResult() throws {
        let signed = VoiceTestCall.request(VoiceTestCall.gather("Do you have rye bread today?"), query: "step=gather&turn=1")
        var tampered = VoiceTestCall.request(VoiceTestCall.gather("Cancel all my orders"), query: "step=gather&turn=1")
        tampered.headers["X-Twilio-Signature"] = signed.headers["X-Twilio-Signature"]
        let error = try #require(throws: WebhookError.self) { try VoiceTestCall.adapter().verify(tampered) }
        #expect(error.code == "invalid_signature")
    }

    @Test func refusesAnotherToken() throws {
        let fields = VoiceTestCall.incoming()
        let signature = TwilioSignature.compute(
            url: VoiceTestCall.webhookURL, parameters: fields.map { (name: $0.0, value: $0.1) }, authToken: Secret("another-token")
        )
        let error = try #require(throws: WebhookError.self) {
            try VoiceTestCall.adapter().verify(VoiceTestCall.request(fields, signature: signature))
        }
        #expect(error.code == "invalid_signature")
    }

    @Test func refusesAMissingSignature() throws {
        let error = try #require(throws: WebhookError.self) {
            try VoiceTestCall.adapter().verify(VoiceTestCall.request(VoiceTestCall.incoming(), signature: ""))
        }
        #expect(error.status == 401)
        #expect(error.code == "missing_signature")
    }

    @Test func refusesOtherMethodsAndContentTypes() throws {
        let adapter = try VoiceTestCall.adapter()
        var get = VoiceTestCall.request(VoiceTestCall.incoming())
        get.method = "GET"
        #expect(throws: WebhookError.methodNotAllowed("GET")) { try adapter.verify(get) }

        var json = VoiceTestCall.request(VoiceTestCall.incoming())
        json.headers["Content-Type"] = "application/json"
        let error = try #require(throws: WebhookError.self) { try adapter.verify(json) }
        #expect(error.status == 415)
    }
}

@Suite struct VoiceParseTests {
    static func parse(_ request: WebhookRequest, settings: [String: JSONValue?] = [:]) throws -> [InboundEvent] {
        try VoiceTestCall.adapter(settings: settings).parse(request)
    }

    @Test func anIncomingCallIsAMessageThatStartsTheCall() throws {
        let message = try onlyMessage(Self.parse(VoiceTestCall.request(VoiceTestCall.incoming())))
        #expect(message.providerMessageID == "\(VoiceTestCall.callSid):start")
        #expect(message.sender == Participant(channelUserID: VoiceTestCall.caller, phone: VoiceTestCall.caller))
        #expect(message.threadKey == VoiceTestCall.callSid)
        #expect(message.text == "")
        #expect(message.attachments.isEmpty)
        #expect(message.metadata == [
            InboundMetadataKey.callStarted: "true",
            "voice.callSid": VoiceTestCall.callSid,
            "voice.turn": "0",
            "voice.actionPath": "/webhooks/bakery-voice",
            "voice.to": VoiceTestCall.businessNumber,
        ])
    }

    @Test func theCallerNameBecomesTheDisplayName() throws {
        let fields = VoiceTestCall.incoming() + [("CallerName", "ROSSI MARIA")]
        let message = try onlyMessage(Self.parse(VoiceTestCall.request(fields)))
        #expect(message.sender.displayName == "ROSSI MARIA")
        #expect(message.sender.phone == VoiceTestCall.caller)
    }

    @Test(arguments: ["+266696687", "+7378742833", "anonymous", "Restricted"])
    func aHiddenNumberIsACallerOfThisCallOnly(from: String) throws {
        let message = try onlyMessage(Self.parse(VoiceTestCall.request(VoiceTestCall.incoming(from: from))))
        #expect(message.sender == Participant(channelUserID: "anonymous:\(VoiceTestCall.callSid)"))
    }

    @Test func aSoftphoneCallerHasNoPhone() throws {
        let message = try onlyMessage(Self.parse(VoiceTestCall.request(VoiceTestCall.incoming(from: "client:front-desk"))))
        #expect(message.sender == Participant(channelUserID: "client:front-desk"))
    }

    @Test func whatTheCallerSaidIsAMessageOfItsTurn() throws {
        let request = VoiceTestCall.request(VoiceTestCall.gather("Do you have rye bread today?"), query: "step=gather&turn=3")
        let message = try onlyMessage(Self.parse(request))
        #expect(message.providerMessageID == "\(VoiceTestCall.callSid):3")
        #expect(message.threadKey == VoiceTestCall.callSid)
        #expect(message.text == "Do you have rye bread today?")
        #expect(message.sender.channelUserID == VoiceTestCall.caller)
        #expect(message.metadata == [
            "voice.callSid": VoiceTestCall.callSid,
            "voice.turn": "3",
            "voice.confidence": "0.9170872",
            "voice.actionPath": "/webhooks/bakery-voice",
            "voice.to": VoiceTestCall.businessNumber,
        ])
    }

    @Test func aGoodbyeCarriesTheFarewellAsClosingReply() throws {
        let request = VoiceTestCall.request(VoiceTestCall.gather("No thanks, bye!"), query: "step=gather&turn=2")
        let message = try onlyMessage(Self.parse(request, settings: ["farewell": .string(VoiceTestCall.farewell)]))
        #expect(message.text == "No thanks, bye!")
        #expect(message.metadata[InboundMetadataKey.closingReply] == VoiceTestCall.farewell)
        #expect(message.metadata[InboundMetadataKey.callStarted] == nil)
    }

    @Test func aQuestionIsNoGoodbye() throws {
        let request = VoiceTestCall.request(VoiceTestCall.gather("What time do you close, bye the way"), query: "step=gather&turn=2")
        let message = try onlyMessage(Self.parse(request))
        #expect(message.metadata[InboundMetadataKey.closingReply] == nil)
    }

    @Test func aSilenceIsIgnoredWithItsTurn() throws {
        let events = try Self.parse(VoiceTestCall.request(VoiceTestCall.gather(nil), query: "step=gather&turn=2"))
        #expect(try onlyIgnored(events) == "silence on turn 2")
        let blank = try Self.parse(VoiceTestCall.request(VoiceTestCall.gather("  "), query: "step=gather&turn=2&silence=1"))
        #expect(try onlyIgnored(blank) == "silence on turn 2")
    }

    @Test func aMessageLeftAfterAHandoffIsAMessage() throws {
        let speech = "Hi, it's Maria, please call me back about the wedding cake."
        let message = try onlyMessage(Self.parse(VoiceTestCall.request(VoiceTestCall.gather(speech), query: "step=message")))
        #expect(message.providerMessageID == "\(VoiceTestCall.callSid):message")
        #expect(message.text == speech)
        #expect(message.metadata["voice.turn"] == "message")
        #expect(message.metadata["voice.callSid"] == VoiceTestCall.callSid)
        #expect(message.metadata[InboundMetadataKey.closingReply] == nil)
    }

    @Test func noMessageLeftIsIgnored() throws {
        let events = try Self.parse(VoiceTestCall.request(VoiceTestCall.gather(nil), query: "step=message"))
        #expect(try onlyIgnored(events) == "the caller left no message")
    }

    @Test func theEndOfATransferIsIgnored() throws {
        let events = try Self.parse(VoiceTestCall.request(VoiceTestCall.dialed("no-answer"), query: "step=dialed"))
        #expect(try onlyIgnored(events).contains("no-answer"))
    }

    @Test(arguments: [("61", 2), ("60", 1), ("1", 1), ("3600", 60), ("3601", 61)])
    func aFinishedCallReportsItsStartedMinutes(duration: String, minutes: Int) throws {
        let report = try onlyUsage(Self.parse(VoiceTestCall.request(VoiceTestCall.status("completed", duration: duration), query: "step=status")))
        #expect(report.reference == VoiceTestCall.callSid)
        #expect(report.usage == [ChannelUsage(kind: .voiceMinute, quantity: minutes)])
        // Tue, 08 Jul 2025 10:15:42 +0000
        #expect(report.timestamp == Date(timeIntervalSince1970: 1_751_969_742))
    }

    @Test func aStatusCallbackWithoutStepIsRecognizedByItsStatus() throws {
        let report = try onlyUsage(Self.parse(VoiceTestCall.request(VoiceTestCall.status("completed", duration: "125"))))
        #expect(report.usage == [ChannelUsage(kind: .voiceMinute, quantity: 3)])
    }

    @Test(arguments: [("completed", "0"), ("busy", "0"), ("no-answer", nil), ("canceled", nil), ("failed", "0")] as [(String, String?)])
    func aCallWithoutDurationBillsNothing(status: String, duration: String?) throws {
        let events = try Self.parse(VoiceTestCall.request(VoiceTestCall.status(status, duration: duration), query: "step=status"))
        #expect(try onlyIgnored(events).contains(status))
    }

    @Test func aCallStillGoingIsNotBilled() throws {
        let events = try Self.parse(VoiceTestCall.request(VoiceTestCall.status("in-progress", duration: nil), query: "step=status"))
        #expect(try onlyIgnored(events).contains("in-progress"))
    }

    @Test func anUnreadableTimestampFallsBackToNow() throws {
        let before = Date()
        let fields = VoiceTestCall.status("completed", duration: "30", timestamp: "yesterday")
        let report = try onlyUsage(Self.parse(VoiceTestCall.request(fields, query: "step=status")))
        #expect(report.timestamp >= before.addingTimeInterval(-1))
    }

    @Test func refusesAnInvalidDuration() throws {
        let request = VoiceTestCall.request(VoiceTestCall.status("completed", duration: "1.5"), query: "step=status")
        let error = try #require(throws: WebhookError.self) { try Self.parse(request) }
        #expect(error.code == "malformed_payload")
        #expect(error.message.contains("CallDuration"))
    }

    @Test(arguments: [("CallSid", ""), ("From", ""), ("CallSid", "step=gather&turn=1"), ("From", "step=message")])
    func refusesAMissingFieldNamingIt(field: String, query: String) throws {
        let fields = VoiceTestCall.gather("Hello").filter { $0.0 != field }
        let error = try #require(throws: WebhookError.self) { try Self.parse(VoiceTestCall.request(fields, query: query)) }
        #expect(error.status == 400)
        #expect(error.code == "malformed_payload")
        #expect(error.message.contains(field))
    }

    @Test(arguments: ["step=transfer", "step=gather&turn=zero", "step=gather&turn=0"])
    func refusesAStepTheAdapterNeverWrites(query: String) throws {
        let error = try #require(throws: WebhookError.self) {
            try Self.parse(VoiceTestCall.request(VoiceTestCall.gather("Hello"), query: query))
        }
        #expect(error.code == "malformed_payload")
    }

    @Test func ignoresAnotherAccount() throws {
        var fields = VoiceTestCall.incoming().filter { $0.0 != "AccountSid" }
        fields.append(("AccountSid", "ACffffffffffffffffffffffffffffffff"))
        let request = VoiceTestCall.request(fields)
        #expect(try onlyIgnored(Self.parse(request)).contains("another Twilio account"))
        let response = try VoiceTestCall.adapter().acknowledgement(for: request, accepted: 0, duplicates: 0)
        #expect(bodyText(response) == VoiceChannelAdapter.emptyTwiML)
    }

    @Test func theActionPathKeepsThePublicURLsPrefix() throws {
        let request = VoiceTestCall.request(
            VoiceTestCall.gather("Hello"), query: "step=gather&turn=2", base: "https://example.com/gw/webhooks/bakery-voice"
        )
        let message = try onlyMessage(Self.parse(request))
        #expect(message.metadata["voice.actionPath"] == "/gw/webhooks/bakery-voice")
    }
}

@Suite struct VoiceAcknowledgementTests {
    static func acknowledge(_ request: WebhookRequest, settings: [String: JSONValue?] = [:]) throws -> WebhookResponse {
        try VoiceTestCall.adapter(settings: settings).acknowledgement(for: request, accepted: 1, duplicates: 0)
    }

    @Test func anAcceptedCallIsGreetedAndListenedTo() throws {
        let response = try Self.acknowledge(VoiceTestCall.request(VoiceTestCall.incoming()))
        #expect(response.headers["Content-Type"] == "text/xml; charset=utf-8")
        #expect(bodyText(response) == """
            <?xml version="1.0" encoding="UTF-8"?><Response>\
            <Gather input="speech" action="/webhooks/bakery-voice?step=gather&amp;turn=1" method="POST" language="en-US" \
            timeout="5" speechTimeout="auto" actionOnEmptyResult="true">\
            <Say voice="Polly.Joanna" language="en-US">Hello, thanks for calling! How can I help you today?</Say>\
            </Gather></Response>
            """)
    }

    @Test func theGreetingUsesTheChannelsVoiceLanguageAndTimeout() throws {
        let response = try Self.acknowledge(VoiceTestCall.request(VoiceTestCall.incoming()), settings: [
            "voice": .string("Polly.Lupe-Neural"), "language": .string("es-US"), "speechTimeoutSeconds": .number(8),
            "greeting": .string("Hola, gracias por llamar a Bella's. ¿En qué le puedo ayudar?"),
        ])
        let gather = try twiml(response).child("Gather")
        #expect(gather.attributes["language"] == "es-US")
        #expect(gather.attributes["timeout"] == "8")
        let say = try gather.child("Say")
        #expect(say.attributes == ["voice": "Polly.Lupe-Neural", "language": "es-US"])
        #expect(say.text == "Hola, gracias por llamar a Bella's. ¿En qué le puedo ayudar?")
        #expect(bodyText(response).contains("Bella&apos;s"))
    }

    @Test func configuredTextsAreEscaped() throws {
        let response = try Self.acknowledge(VoiceTestCall.request(VoiceTestCall.incoming()), settings: [
            "greeting": .string(#"Hi <there> & "you" 'all'"#),
        ])
        #expect(bodyText(response).contains("Hi &lt;there&gt; &amp; &quot;you&quot; &apos;all&apos;"))
        #expect(try twiml(response).child("Gather").child("Say").text == #"Hi <there> & "you" 'all'"#)
    }

    @Test func aFirstSilenceRepromptsTheSameTurn() throws {
        let root = try twiml(Self.acknowledge(VoiceTestCall.request(VoiceTestCall.gather(nil), query: "step=gather&turn=3")))
        #expect(root.verbs == ["Gather"])
        let gather = try root.child("Gather")
        #expect(gather.attributes["action"] == "/webhooks/bakery-voice?step=gather&turn=3&silence=1")
        #expect(gather.attributes["actionOnEmptyResult"] == "true")
        #expect(try gather.child("Say").text == VoiceSettings.defaultRepromptText)
    }

    @Test func aSecondSilenceSaysTheFarewellAndHangsUp() throws {
        let request = VoiceTestCall.request(VoiceTestCall.gather(nil), query: "step=gather&turn=3&silence=1")
        let root = try twiml(Self.acknowledge(request, settings: ["farewell": .string(VoiceTestCall.farewell)]))
        #expect(root.verbs == ["Say", "Hangup"])
        #expect(try root.child("Say").text == VoiceTestCall.farewell)
    }

    @Test func anUnansweredGoodbyeSaysTheFarewellAndHangsUp() throws {
        let root = try twiml(Self.acknowledge(VoiceTestCall.request(VoiceTestCall.gather("Thanks, bye!"), query: "step=gather&turn=2")))
        #expect(root.verbs == ["Say", "Hangup"])
        #expect(try root.child("Say").text == VoiceSettings.defaultFarewell)
    }

    @Test func unansweredSpeechListensForTheNextTurn() throws {
        let root = try twiml(Self.acknowledge(VoiceTestCall.request(VoiceTestCall.gather("Hello?"), query: "step=gather&turn=2")))
        #expect(root.verbs == ["Gather"])
        let gather = try root.child("Gather")
        #expect(gather.attributes["action"] == "/webhooks/bakery-voice?step=gather&turn=3")
        #expect(gather.children.isEmpty)
    }

    @Test(arguments: ["Please call me back on this number.", nil] as [String?])
    func aMessageIsThankedAndTheCallEnds(speech: String?) throws {
        let root = try twiml(Self.acknowledge(VoiceTestCall.request(VoiceTestCall.gather(speech), query: "step=message")))
        #expect(root.verbs == ["Say", "Hangup"])
        #expect(try root.child("Say").text == VoiceSettings.defaultMessageTakenText)
    }

    @Test(arguments: ["no-answer", "busy", "failed", "canceled"])
    func aTransferNobodyAnsweredTakesAMessage(status: String) throws {
        let root = try twiml(Self.acknowledge(VoiceTestCall.request(VoiceTestCall.dialed(status), query: "step=dialed")))
        let gather = try root.child("Gather")
        #expect(gather.attributes["action"] == "/webhooks/bakery-voice?step=message")
        #expect(gather.attributes["speechTimeout"] == "3")
        #expect(try gather.child("Say").text == VoiceSettings.defaultTakeMessageText)
    }

    @Test func aTransferStaffAnsweredEndsWithTheFarewell() throws {
        let root = try twiml(Self.acknowledge(VoiceTestCall.request(VoiceTestCall.dialed("completed"), query: "step=dialed")))
        #expect(root.verbs == ["Say", "Hangup"])
        #expect(try root.child("Say").text == VoiceSettings.defaultFarewell)
    }

    @Test func aStatusCallbackGetsEmptyTwiML() throws {
        let response = try Self.acknowledge(VoiceTestCall.request(VoiceTestCall.status("completed", duration: "61"), query: "step=status"))
        #expect(bodyText(response) == #"<?xml version="1.0" encoding="UTF-8"?><Response></Response>"#)
    }

    @Test func twoSilencesInARowFollowingTheActionURLs() throws {
        let adapter = try VoiceTestCall.adapter()
        let call = VoiceTestCall.request(VoiceTestCall.incoming())
        try adapter.verify(call)
        let greeting = try twiml(adapter.acknowledgement(for: call, accepted: 1, duplicates: 0))
        let firstAction = try #require(try greeting.child("Gather").attributes["action"])

        let firstSilence = VoiceTestCall.following(firstAction, with: VoiceTestCall.gather(nil))
        try adapter.verify(firstSilence)
        #expect(try onlyIgnored(adapter.parse(firstSilence)) == "silence on turn 1")
        let reprompt = try twiml(adapter.acknowledgement(for: firstSilence, accepted: 0, duplicates: 0))
        let secondAction = try #require(try reprompt.child("Gather").attributes["action"])
        #expect(secondAction == "/webhooks/bakery-voice?step=gather&turn=1&silence=1")

        let secondSilence = VoiceTestCall.following(secondAction, with: VoiceTestCall.gather(nil))
        try adapter.verify(secondSilence)
        #expect(try onlyIgnored(adapter.parse(secondSilence)) == "silence on turn 1")
        let end = try twiml(adapter.acknowledgement(for: secondSilence, accepted: 0, duplicates: 0))
        #expect(end.verbs == ["Say", "Hangup"])
    }
}
