/// A JSON value for the bodies of Bot API requests.
///
/// Integers stay integers: chat ids such as `-1001234567890` must reach Telegram as exact
/// integers, which a `Double` would not guarantee to print.
enum RequestJSON: Encodable, Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
    case int(Int64)
    case number(Double)
    case string(String)
    case bool(Bool)
    case array([RequestJSON])
    case object([String: RequestJSON])

    init(stringLiteral value: String) {
        self = .string(value)
    }

    init(booleanLiteral value: Bool) {
        self = .bool(value)
    }

    /// A chat id from a thread key: the number it holds, or the text (`@channelname`) otherwise.
    static func chatID(_ threadKey: String) -> RequestJSON {
        Int64(threadKey).map(RequestJSON.int) ?? .string(threadKey)
    }

    /// A list of strings.
    static func strings(_ values: [String]) -> RequestJSON {
        .array(values.map(RequestJSON.string))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
