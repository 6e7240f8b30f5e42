import ChannelKit

/// Typed access to one JSON object of a Telegram payload, naming each field by its path from the
/// update (`message.chat.id`, `message.photo[2].file_id`) in the errors it throws.
///
/// JSON `null` reads as absent. Fields it is not asked about are ignored, so newer Bot API fields
/// never break parsing.
typealias TelegramObject = JSONPayloadObject

extension JSONPayloadObject {
    /// Whether the member is present and not `null`.
    func has(_ key: String) -> Bool {
        value(key) != nil
    }

    /// An optional integer member (ids, dates). Telegram's ids fit in 52 bits, so a JSON number
    /// holds them exactly.
    func int(_ key: String) throws(WebhookError) -> Int64? {
        switch value(key) {
        case nil:
            return nil
        case .number(let number)?:
            guard let integer = Int64(exactly: number) else {
                throw WebhookError.malformed("\"\(path(of: key))\" must be an integer, found \(number)")
            }
            return integer
        case let other?:
            throw mistyped(key, expected: "an integer", found: other)
        }
    }

    /// A required integer member.
    func requiredInt(_ key: String) throws(WebhookError) -> Int64 {
        guard let integer = try int(key) else { throw missing(key, expected: "an integer") }
        return integer
    }

    /// An optional number member (coordinates).
    func double(_ key: String) throws(WebhookError) -> Double? {
        switch value(key) {
        case nil: return nil
        case .number(let number)?: return number
        case let other?: throw mistyped(key, expected: "a number", found: other)
        }
    }

    /// A required number member.
    func requiredDouble(_ key: String) throws(WebhookError) -> Double {
        guard let number = try double(key) else { throw missing(key, expected: "a number") }
        return number
    }

    /// An optional boolean member.
    func bool(_ key: String) throws(WebhookError) -> Bool? {
        switch value(key) {
        case nil: return nil
        case .bool(let flag)?: return flag
        case let other?: throw mistyped(key, expected: "true or false", found: other)
        }
    }

    /// An optional string member; nil when absent, `null` or empty.
    func string(_ key: String) throws(WebhookError) -> String? {
        switch value(key) {
        case nil: return nil
        case .string(let text)?: return text.isEmpty ? nil : text
        case let other?: throw mistyped(key, expected: "a string", found: other)
        }
    }

    /// A required, non-empty string member.
    func requiredString(_ key: String) throws(WebhookError) -> String {
        guard let text = try string(key) else { throw missing(key, expected: "a non-empty string") }
        return text
    }

    /// An optional object member.
    func object(_ key: String) throws(WebhookError) -> TelegramObject? {
        switch value(key) {
        case nil: return nil
        case .object(let members)?: return TelegramObject(members, path: path(of: key))
        case let other?: throw mistyped(key, expected: "an object", found: other)
        }
    }

    /// A required object member.
    func requiredObject(_ key: String) throws(WebhookError) -> TelegramObject {
        guard let object = try object(key) else { throw missing(key, expected: "an object") }
        return object
    }

    /// An optional array member whose elements are all objects; empty when absent.
    func objects(_ key: String) throws(WebhookError) -> [TelegramObject] {
        switch value(key) {
        case nil:
            return []
        case .array(let elements)?:
            var objects: [TelegramObject] = []
            objects.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                guard case .object(let members) = element else {
                    throw WebhookError.malformed("\"\(path(of: key))[\(index)]\" must be an object, found \(element.typeName)")
                }
                objects.append(TelegramObject(members, path: "\(path(of: key))[\(index)]"))
            }
            return objects
        case let other?:
            throw mistyped(key, expected: "an array of objects", found: other)
        }
    }
}
