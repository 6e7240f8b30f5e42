/// The TwiML of each moment of a call, in the channel's voice, language and words: greet and
/// listen, ask again after a silence, answer and listen, transfer or take a message, say goodbye
/// and hang up.
///
/// Every `<Gather>` posts to the webhook's own path with the next ``VoiceStep`` in its query and
/// `actionOnEmptyResult="true"`, so a silence comes back as a request without `SpeechResult`
/// instead of falling through the document.
struct VoiceCallFlow: Sendable {
    /// The seconds of silence that end a message the caller leaves (longer than `auto`, which
    /// stops at the first pause).
    static let messageSpeechTimeout = 3

    let settings: VoiceSettings
    /// The path of the webhook (`/webhooks/{channelId}`), which action URLs point to.
    let actionPath: String

    /// The greeting, then listening for turn 1.
    func greeting() -> String {
        listen(turn: 1, saying: settings.greeting)
    }

    /// The reprompt after a first silence on `turn`, listening to the same turn again.
    func reprompt(turn: Int) -> String {
        VoiceTwiML.document([gather(.gather(turn: turn, silences: 1), saying: settings.repromptText)])
    }

    /// `text` said (made speakable), then listening for the turn after `turn`.
    func answer(_ text: String, turn: Int) -> String {
        listen(turn: turn + 1, saying: speakable(text))
    }

    /// Listening for `turn`, saying `text` first (nothing when it is empty).
    func listen(turn: Int, saying text: String) -> String {
        VoiceTwiML.document([gather(.gather(turn: turn, silences: 0), saying: text)])
    }

    /// `text` said (made speakable), then the call ends.
    func goodbye(_ text: String) -> String {
        hangUp(saying: speakable(text))
    }

    /// `text` said as written (a configured text), then the call ends.
    func hangUp(saying text: String) -> String {
        VoiceTwiML.document([say(text), VoiceTwiML.hangup])
    }

    /// A handoff: `text` said, then the call is transferred to ``VoiceSettings/humanNumber``
    /// (how the transfer ended comes back as ``VoiceStep/dialed``), or without one, the caller is
    /// asked to leave a message.
    func handoff(_ text: String) -> String {
        guard let number = settings.humanNumber else {
            return takeMessage(after: text)
        }
        let dial = VoiceTwiML.dial(number, action: VoiceStep.dialed.url(path: actionPath))
        return VoiceTwiML.document([say(speakable(text)), dial])
    }

    /// `text` (if any) and ``VoiceSettings/takeMessageText`` said, then the caller's message is
    /// listened to and posted as ``VoiceStep/message``.
    func takeMessage(after text: String?) -> String {
        var lead = text.map(speakable) ?? ""
        if let end = lead.last, !".!?…".contains(end) {
            lead += "."
        }
        let spoken = lead.isEmpty ? settings.takeMessageText : lead + " " + settings.takeMessageText
        let gather = VoiceTwiML.gather(
            action: VoiceStep.message.url(path: actionPath),
            language: settings.language,
            timeout: settings.speechTimeoutSeconds,
            speechTimeout: String(Self.messageSpeechTimeout),
            nested: [say(spoken)]
        )
        return VoiceTwiML.document([gather])
    }

    /// What follows a transfer: the farewell when staff answered (the caller is still on the line
    /// after they hung up), else an invitation to leave a message.
    func afterTransfer(dialStatus: String?) -> String {
        switch dialStatus?.lowercased() {
        case "completed"?, "answered"?:
            hangUp(saying: settings.farewell)
        default:
            takeMessage(after: nil)
        }
    }

    /// `text` as the voice can say it, cut to ``VoiceSettings/maxSpokenCharacters``.
    func speakable(_ text: String) -> String {
        VoiceSpeakableText(language: settings.language, maxCharacters: settings.maxSpokenCharacters).speakable(text)
    }

    private func say(_ text: String) -> String {
        VoiceTwiML.say(text, voice: settings.voice, language: settings.language)
    }

    private func gather(_ step: VoiceStep, saying text: String) -> String {
        VoiceTwiML.gather(
            action: step.url(path: actionPath),
            language: settings.language,
            timeout: settings.speechTimeoutSeconds,
            speechTimeout: "auto",
            nested: text.isEmpty ? [] : [say(text)]
        )
    }
}
