/// Twilio error codes the SMS adapter explains: what a send failure or a failed delivery means.
/// The full list is at https://www.twilio.com/docs/api/errors.
public enum TwilioErrorCode {
    /// The recipient replied STOP: Twilio refuses to send until they reply START.
    public static let unsubscribed = 21610
    /// The `To` number is not a valid phone number.
    public static let invalidToNumber = 21211
    /// Too many requests: the account's API concurrency limit.
    public static let tooManyRequests = 20429

    /// A short English explanation of a code, or nil when the adapter does not know it.
    public static func description(_ code: String) -> String? {
        switch Int(code) {
        case 21211?: "the To number is not a valid phone number"
        case 21408?: "the account may not send to this region"
        case 21610?: "the recipient has unsubscribed (replied STOP) and must reply START before receiving messages"
        case 21614?: "the To number is not a mobile number"
        case 30003?: "the destination handset is unreachable"
        case 30004?: "the message was blocked"
        case 30005?: "the destination number is unknown"
        case 30006?: "the destination is a landline or unreachable carrier"
        case 30007?: "the carrier filtered the message"
        case 30008?: "unknown delivery error"
        default: nil
        }
    }
}
