/// Writes the TwiML the voice channel answers with: `<Say>`, `<Gather input="speech">`, `<Dial>`
/// and `<Hangup/>` inside one `<Response>`, every text and attribute XML-escaped.
///
/// ```swift
/// VoiceTwiML.document([VoiceTwiML.say("Goodbye!", voice: "Polly.Joanna", language: "en-US"), VoiceTwiML.hangup])
/// // <?xml version="1.0" encoding="UTF-8"?><Response><Say voice="Polly.Joanna" language="en-US">Goodbye!</Say><Hangup/></Response>
/// ```
enum VoiceTwiML {
    /// The XML declaration every document starts with.
    static let declaration = #"<?xml version="1.0" encoding="UTF-8"?>"#
    /// A document without verbs: Twilio ends the call, or (for a status callback) reads nothing.
    static let empty = declaration + "<Response></Response>"
    /// Ends the call.
    static let hangup = "<Hangup/>"

    /// A `<Response>` holding `verbs` in order.
    static func document(_ verbs: [String]) -> String {
        declaration + "<Response>" + verbs.joined() + "</Response>"
    }

    /// `<Say>` of `text` in `voice` and `language`; nothing when the text is empty.
    static func say(_ text: String, voice: String, language: String) -> String {
        guard !text.isEmpty else { return "" }
        return "<Say" + attributes([("voice", voice), ("language", language)]) + ">" + escape(text) + "</Say>"
    }

    /// `<Gather input="speech">` posting what the caller says to `action`, even when they say
    /// nothing (`actionOnEmptyResult`), with `nested` verbs played while it listens (the caller
    /// can talk over them).
    ///
    /// - Parameters:
    ///   - timeout: seconds the caller has to start speaking.
    ///   - speechTimeout: `auto` (the end of a sentence ends the turn) or the seconds of silence
    ///     that end it.
    static func gather(action: String, language: String, timeout: Int, speechTimeout: String, nested: [String]) -> String {
        let open = "<Gather" + attributes([
            ("input", "speech"), ("action", action), ("method", "POST"), ("language", language),
            ("timeout", String(timeout)), ("speechTimeout", speechTimeout), ("actionOnEmptyResult", "true"),
        ])
        let inner = nested.joined()
        return inner.isEmpty ? open + "/>" : open + ">" + inner + "</Gather>"
    }

    /// `<Dial>` of `number`, posting how it ended (`DialCallStatus`) to `action`.
    static func dial(_ number: String, action: String) -> String {
        "<Dial" + attributes([("action", action), ("method", "POST")]) + ">" + escape(number) + "</Dial>"
    }

    /// `text` with the five XML special characters escaped (`&` `<` `>` `"` `'`) and the control
    /// characters XML 1.0 forbids left out: safe in element content and in attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case _ where character.unicodeScalars.allSatisfy(isForbidden): continue
            default: result.append(character)
            }
        }
        return result
    }

    /// C0 control characters other than tab, line feed and carriage return.
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r"
    }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }
}
