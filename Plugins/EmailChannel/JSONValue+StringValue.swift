import ChannelKit

extension JSONValue {
    /// The string, if this is one.
    var stringValue: String? {
        if case .string(let text) = self { text } else { nil }
    }
}
