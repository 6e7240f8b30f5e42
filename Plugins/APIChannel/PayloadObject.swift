import ChannelKit

/// Typed access to one JSON object of an inbound body, naming each field by its path from the
/// body's root (`from.id`, `[2].text`, `attachments[0].type`) in the errors it throws.
///
/// JSON `null` reads as absent, and so does an empty string in an optional field. Fields it is
/// not asked about are ignored, so integrators can send fields newer than this gateway.
typealias PayloadObject = JSONPayloadObject

extension JSONPayloadObject {
    /// An optional string member; nil when absent, `null` or empty.
    func string(_ key: String) throws(WebhookError) -> String? {
        switch value(key) {
        case nil: return nil
        case .string(let text)?: return text.isEmpty ? nil : text
        case let other?: throw mistyped(key, expected: "a string", found: other)
        }
    }

    /// A required, non-empty string member of at most `maxLength` characters.
    func requiredString(_ key: String, maxLength: Int? = nil) throws(WebhookError) -> String {
        guard let text = try string(key) else {
            throw WebhookError.malformed("\"\(path(of: key))\" must be a non-empty string, but it is missing or empty")
        }
        if let maxLength, text.count > maxLength {
            throw WebhookError.malformed("\"\(path(of: key))\" must be at most \(maxLength) characters long")
        }
        return text
    }

    /// An optional object member.
    func object(_ key: String) throws(WebhookError) -> PayloadObject? {
        switch value(key) {
        case nil: return nil
        case .object(let members)?: return PayloadObject(members, path: path(of: key))
        case let other?: throw mistyped(key, expected: "an object", found: other)
        }
    }

    /// An optional array member whose elements are all objects.
    func objects(_ key: String) throws(WebhookError) -> [PayloadObject] {
        switch value(key) {
        case nil:
            return []
        case .array(let elements)?:
            var objects: [PayloadObject] = []
            objects.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                let elementPath = "\(path(of: key))[\(index)]"
                guard case .object(let members) = element else {
                    throw WebhookError.malformed("\"\(elementPath)\" must be an object, found \(element.typeName)")
                }
                objects.append(PayloadObject(members, path: elementPath))
            }
            return objects
        case let other?:
            throw mistyped(key, expected: "an array of objects", found: other)
        }
    }
}
