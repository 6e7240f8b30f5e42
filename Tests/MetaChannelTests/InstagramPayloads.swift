/// Instagram messaging webhook bodies shaped like the examples of Meta's Instagram webhook
/// reference (`{"object": "instagram", "entry": [{"id", "time", "messaging": [...]}]}`).
enum InstagramPayloads {
    static let mid = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx"

    /// A customer's text message.
    static let text = #"{"object":"instagram","entry":[{"id":"17841400000000000","time":1569262486134,"messaging":[{"sender":{"id":"1234567890123456"},"recipient":{"id":"17841400000000000"},"timestamp":1569262485349,"message":{"mid":"aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx","text":"Hi! Is the blue jacket still available?"}}]}]}"#

    /// One entry whose `messaging` holds `events` (each a JSON object text).
    static func messaging(_ events: String...) -> String {
        #"{"object":"instagram","entry":[{"id":"17841400000000000","time":1569262486134,"messaging":["# + events.joined(separator: ",") + "]}]}"
    }

    /// A messaging event from the customer to the business carrying `content` (`"message": {…}`, `"read": {…}`…).
    static func event(from sender: String = "1234567890123456", to recipient: String = "17841400000000000", _ content: String) -> String {
        #"{"sender":{"id":""# + sender + #""},"recipient":{"id":""# + recipient + #""},"timestamp":1569262485349,"# + content + "}"
    }

    /// A customer's message with `fields` besides its `mid`.
    static func message(mid: String = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx", _ fields: String) -> String {
        event(#""message":{"mid":""# + mid + #"","# + fields + "}")
    }

    static let image = message(#""attachments":[{"type":"image","payload":{"url":"https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1&signature=abc"}}]"#)
    static let storyMention = message(#""attachments":[{"type":"story_mention","payload":{"url":"https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=2&signature=def"}}]"#)
    static let storyReply = message(#""text":"Love this look!","reply_to":{"story":{"url":"https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=3&signature=ghi","id":"17900000000000001"}}"#)
    static let quickReply = message(#""text":"Track my order","quick_reply":{"payload":"TRACK_ORDER"}"#)
    static let echo = event(from: "17841400000000000", to: "1234567890123456", #""message":{"mid":"aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQy","text":"Yes, it is!","is_echo":true}"#)
    static let read = event(#""read":{"mid":"aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQy"}"#)
    static let reaction = event(#""reaction":{"mid":"aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQy","action":"react","reaction":"love","emoji":"\u2764"}"#)
    static let unreaction = event(#""reaction":{"mid":"aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQy","action":"unreact"}"#)
    static let edit = event(#""message_edit":{"mid":"aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx","text":"Hi! Is the red jacket still available?","num_edit":1}"#)
    static let unsend = message(#""is_deleted":true"#)
    static let unsupported = message(#""is_unsupported":true"#)
    static let postback = event(#""postback":{"mid":"aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQz","title":"Where is my order?","payload":"ICEBREAKER_ORDER"}"#)
    static let referral = event(#""referral":{"ref":"summer_sale","source":"ADS","type":"OPEN_THREAD"}"#)
}
