import Foundation
import Hummingbird

/// Reading and checking admin API request bodies: a JSON object decoded into `Body`, with a
/// decoding failure reported as a `VALIDATION_ERROR` that names the field, and the text rules
/// the OpenAPI document states (lengths in Unicode code points, not only white space).
enum AdminRequestBody {
    static func decode<Body: Decodable>(_ type: Body.Type, from request: Request, limit: Int = 64 * 1024) async throws -> Body {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw AdminAPIError.validation("body", "the body is larger than \(limit) bytes")
        }
        do {
            return try JSONDecoder().decode(Body.self, from: buffer)
        } catch let error as DecodingError {
            throw Self.validationError(error)
        } catch {
            throw AdminAPIError.validation("body", "the body must be a JSON object")
        }
    }

    /// `value` trimmed of nothing, checked to be 1…`max` code points and not only white space.
    static func text(_ value: String, field: String, max: Int) throws -> String {
        guard (1...max).contains(value.unicodeScalars.count), value.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw AdminAPIError.validation(field, "\(field) must be 1 to \(max) characters, not only spaces")
        }
        return value
    }

    private static func validationError(_ error: DecodingError) -> AdminAPIError {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return AdminAPIError.validation(field, "\(field) is required")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let field = path(context.codingPath)
            return AdminAPIError.validation(field.isEmpty ? "body" : field, field.isEmpty ? "the body must be a JSON object" : "\(field) must be \(Self.describe(type))")
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            return AdminAPIError.validation(field.isEmpty ? "body" : field, field.isEmpty ? "the body is not valid JSON" : "\(field) has an unusable value")
        @unknown default:
            return AdminAPIError.validation("body", "the body could not be read")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type: "an integer"
        case is Double.Type: "a number"
        case is [String].Type, is [Any].Type: "an array"
        default: "of another type"
        }
    }
}
