/// Measures how deeply a JSON text nests, without decoding it, so a tiny body of ten thousand
/// `[` cannot drive a recursive decoder deep into the stack. Every adapter that decodes a
/// provider's JSON checks it first.
public enum JSONNesting {
    /// Whether arrays and objects in `bytes` nest deeper than `limit`. Brackets inside strings
    /// do not count. The text need not be valid JSON; the decoder judges that afterwards.
    public static func exceeds(_ limit: Int, in bytes: some Sequence<UInt8>) -> Bool {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limit { return true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
            default:
                break
            }
        }
        return false
    }
}
