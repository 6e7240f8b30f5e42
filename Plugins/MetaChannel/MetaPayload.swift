import ChannelKit

/// Typed access to one JSON object of a Meta webhook body, naming each field by its path from the
/// body's root (`entry[0].changes[0].value.messages[1].from`) in the errors it throws.
///
/// JSON `null` reads as absent, and so does an empty string in an optional field. Fields it is not
/// asked about are ignored, so Meta can add fields without breaking the adapter.
typealias MetaPayload = JSONPayloadObject

extension JSONPayloadObject {
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
        guard let text = try string(key) else {
            throw WebhookError.malformed("\"\(path(of: key))\" must be a non-empty string, but it is missing or empty")
        }
        return text
    }

    /// The first of several optional string members that is present (`title`, else `message`).
    func firstString(_ keys: String...) throws(WebhookError) -> String? {
        for key in keys {
            if let text = try string(key) { return text }
        }
        return nil
    }

    /// An optional identifier Meta sends as a string or as an integer (error codes, some ids).
    func identifier(_ key: String) throws(WebhookError) -> String? {
        switch value(key) {
        case nil: return nil
        case .string(let text)?: return text.isEmpty ? nil : text
        case .number(let number)?:
            guard let integer = Int64(exactly: number) else {
                throw mistyped(key, expected: "a string or an integer", found: .number(number))
            }
            return String(integer)
        case let other?: throw mistyped(key, expected: "a string or an integer", found: other)
        }
    }

    /// An optional number member.
    func number(_ key: String) throws(WebhookError) -> Double? {
        switch value(key) {
        case nil: return nil
        case .number(let number)?: return number
        case let other?: throw mistyped(key, expected: "a number", found: other)
        }
    }

    /// A required number member.
    func requiredNumber(_ key: String) throws(WebhookError) -> Double {
        guard let number = try number(key) else {
            throw WebhookError.malformed("\"\(path(of: key))\" must be a number, but it is missing")
        }
        return number
    }

    /// A boolean flag; absent or `null` reads as false.
    func flag(_ key: String) throws(WebhookError) -> Bool {
        switch value(key) {
        case nil: return false
        case .bool(let flag)?: return flag
        case let other?: throw mistyped(key, expected: "true or false", found: other)
        }
    }

    /// An optional object member.
    func object(_ key: String) throws(WebhookError) -> MetaPayload? {
        switch value(key) {
        case nil: return nil
        case .object(let members)?: return MetaPayload(members, path: path(of: key))
        case let other?: throw mistyped(key, expected: "an object", found: other)
        }
    }

    /// A required object member.
    func requiredObject(_ key: String) throws(WebhookError) -> MetaPayload {
        guard let object = try object(key) else {
            throw WebhookError.malformed("\"\(path(of: key))\" must be an object, but it is missing")
        }
        return object
    }

    /// An optional array member whose elements are all objects; absent reads as empty.
    func objects(_ key: String) throws(WebhookError) -> [MetaPayload] {
        switch value(key) {
        case nil:
            return []
        case .array(let elements)?:
            var objects: [MetaPayload] = []
            objects.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                let elementPath = "\(path(of: key))[\(index)]"
                guard case .object(let members) = element else {
                    throw WebhookError.malformed("\"\(elementPath)\" must be an object, found \(element.typeName)")
                }
                objects.append(MetaPayload(members, path: elementPath))
            }
            return objects
        case let other?:
            throw mistyped(key, expected: "an array of objects", found: other)
        }
    }

    /// A required array of objects (it may be empty).
    func requiredObjects(_ key: String) throws(WebhookError) -> [MetaPayload] {
        guard value(key) != nil else {
            throw WebhookError.malformed("\"\(path(of: key))\" must be an array of objects, but it is missing")
        }
        return try objects(key)
    }
}
