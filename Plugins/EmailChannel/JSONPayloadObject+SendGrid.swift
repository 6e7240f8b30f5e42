import ChannelKit

/// Lenient accessors for SendGrid's event fields, whose types vary between event kinds and
/// custom args.
extension JSONPayloadObject {
    /// A string member; numbers are given as text too (SendGrid's custom args may be either).
    func string(_ key: String) -> String? {
        switch value(key) {
        case .string(let text)?: text
        case .number(let number)?: number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        default: nil
        }
    }

    /// A number member; a numeric string is read too.
    func number(_ key: String) -> Double? {
        switch value(key) {
        case .number(let number)?: number
        case .string(let text)?: Double(text)
        default: nil
        }
    }

    /// A boolean member; `1`/`0` and `"true"`/`"false"` are read too.
    func bool(_ key: String) -> Bool? {
        switch value(key) {
        case .bool(let flag)?: flag
        case .number(let number)?: number != 0
        case .string(let text)?: ["true", "1"].contains(text.lowercased()) ? true : ["false", "0"].contains(text.lowercased()) ? false : nil
        default: nil
        }
    }
}
