/// WhatsApp webhook bodies shaped like the examples of Meta's webhook reference
/// (developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages),
/// with the example values the reference uses.
enum WhatsAppPayloads {
    /// The text message example, compact as Meta sends it.
    static let text = #"{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"16505551234"}],"messages":[{"from":"16505551234","id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=","timestamp":"1739321024","text":{"body":"Does it come in another color?"},"type":"text"}]},"field":"messages"}]}]}"#
    /// `text`'s `X-Hub-Signature-256` with the app secret `test-app-secret`, computed with Python's hmac.
    static let textSignature = "sha256=6bdb2ee9f24f0d0ec1c2edb8e5252cc995721d7cf5f31f555cb171067826affe"

    /// One notification whose `value` holds `messages` (each a JSON object text) from Sheena Nelson.
    static func messages(_ messages: String...) -> String {
        notification(value: """
        {"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},\
        "contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"16505551234"}],"messages":[\(messages.joined(separator: ","))]}
        """)
    }

    /// One notification whose `value` holds `statuses` (each a JSON object text).
    static func statuses(_ statuses: String...) -> String {
        notification(value: """
        {"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},\
        "statuses":[\(statuses.joined(separator: ","))]}
        """)
    }

    /// A whole body with one entry and one `messages` change holding `value`.
    static func notification(value: String, field: String = "messages") -> String {
        #"{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":"# + value + #","field":""# + field + #""}]}]}"#
    }

    /// A message object from the customer with the reference's envelope and `content` (the
    /// `"type"` and type-named member).
    static func message(id: String = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=", _ content: String) -> String {
        #"{"from":"16505551234","id":""# + id + #"","timestamp":"1739321024","# + content + "}"
    }

    static let image = message(#""type":"image","image":{"caption":"Check out this photo!","mime_type":"image/jpeg","sha256":"mRKvCaX2bR9XLPxm8NphiTYkDS7yAJTS8FvRoJTLSYU=","id":"1003383421387256","url":"https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1003383421387256"}"#)
    static let document = message(#""type":"document","document":{"caption":"Lucky Shrub Invoice","filename":"lucky-shrub-invoice.pdf","mime_type":"application/pdf","sha256":"7kGTMj0UKGTvK2PFUzcyZYNwIjfRpLxyDcuqVuMANkU=","id":"1003383421387256"}"#)
    static let audio = message(#""type":"audio","audio":{"mime_type":"audio/ogg; codecs=opus","sha256":"MqdjXJLPLVpWQO7pCeexGVRKk4dfBUbyPVb7MXH0K2k=","id":"1003383421387256","voice":true}"#)
    static let video = message(#""type":"video","video":{"caption":"Look at this!","mime_type":"video/mp4","sha256":"tx8Fqz1mBkjoJvzw3FBmlYvBJm7N6KMCE6iEHdKuSGo=","id":"1003383421387256"}"#)
    static let sticker = message(#""type":"sticker","sticker":{"mime_type":"image/webp","sha256":"Hr8NW2qf5yQ3wI0mQ8mBKmgDd+h5FgfGtLDx2U+Ftr4=","id":"1003383421387256","animated":false}"#)
    static let buttonReply = message(#""context":{"from":"15550783881","id":"wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA="},"type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"cancel-button","title":"Cancel"}}"#)
    static let listReply = message(#""context":{"from":"15550783881","id":"wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA="},"type":"interactive","interactive":{"type":"list_reply","list_reply":{"id":"priority_express","title":"Priority Mail Express","description":"Next Day to 2 Days"}}"#)
    static let templateButton = message(#""context":{"from":"15550783881","id":"wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA="},"type":"button","button":{"payload":"Unsubscribe","text":"Unsubscribe"}"#)
    static let location = message(#""location":{"address":"101 Forest Ave, Palo Alto, CA 94301","latitude":37.44221496582,"longitude":-122.16129302979,"name":"Philz Coffee","url":"https://philzcoffee.com/"},"type":"location""#)
    static let contacts = message(#""type":"contacts","contacts":[{"addresses":[{"city":"Menlo Park","country":"United States","country_code":"US","state":"CA","street":"1 Lakeside Way","type":"HOME","zip":"94025"}],"birthday":"1999-01-23","emails":[{"email":"bjohnson@luckyshrub.com","type":"WORK"}],"name":{"formatted_name":"Barbara J. Johnson","first_name":"Barbara","last_name":"Johnson"},"org":{"company":"Lucky Shrub","department":"Legal","title":"Lead Counsel"},"phones":[{"phone":"+1 (415) 555-0123","wa_id":"14155550123","type":"MOBILE"}],"urls":[{"url":"https://www.luckyshrub.com","type":"WORK"}]}]"#)
    static let reaction = message(#""type":"reaction","reaction":{"message_id":"wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=","emoji":"\uD83D\uDC4D"}"#)
    static let unsupported = message(#""errors":[{"code":131051,"title":"Message type unknown","message":"Message type unknown","error_data":{"details":"Message type is currently not supported."}}],"type":"unsupported","unsupported":{"type":"poll_update"}"#)

    static func status(_ status: String, id: String = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3NzM3RkRCQjI1NUVBOUM1MTQA", extra: String = "") -> String {
        #"{"id":""# + id + #"","status":""# + status + #"","timestamp":"1739321030","recipient_id":"16505551234""# + extra + "}"
    }

    static let failedStatus = status("failed", extra: #","errors":[{"code":131047,"title":"Re-engagement message","message":"Re-engagement message","error_data":{"details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."},"href":"https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"}]"#)
}
