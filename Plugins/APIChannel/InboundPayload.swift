import ChannelKit
import Foundation

/// Reads the body of an inbound API-channel request: one event object, or a batch (a JSON array)
/// of up to ``APIChannelLimits/maxBatchSize`` event objects.
enum InboundPayload {
    /// The events in `body`, in order.
    ///
    /// - Parameter now: the timestamp of events that carry none.
    /// - Throws: a 400 ``WebhookError`` naming the first field in error (with the batch index),
    ///   or 413 when a batch holds too many events.
    static func events(in body: Data, now: Date) throws(WebhookError) -> [InboundEvent] {
        switch try decode(body) {
        case .object(let members):
            return [try event(in: PayloadObject(members, path: ""), now: now)]
        case .array(let items):
            return try batch(items, now: now)
        case let other:
            throw WebhookError.malformed("the body must be a JSON object or an array of objects, found \(other.typeName)")
        }
    }

    private static func batch(_ items: [JSONValue], now: Date) throws(WebhookError) -> [InboundEvent] {
        guard !items.isEmpty else {
            throw WebhookError.malformed("the batch is empty: an array body must hold at least one object")
        }
        guard items.count <= APIChannelLimits.maxBatchSize else {
            throw WebhookError(
                status: 413,
                code: "payload_too_large",
                message: "a batch holds at most \(APIChannelLimits.maxBatchSize) events, this one holds \(items.count)"
            )
        }
        var events: [InboundEvent] = []
        events.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard case .object(let members) = item else {
                throw WebhookError.malformed("\"[\(index)]\" must be an object, found \(item.typeName)")
            }
            events.append(try event(in: PayloadObject(members, path: "[\(index)]"), now: now))
        }
        return events
    }

    /// One event object: a message unless its `type` says otherwise. Types this gateway does not
    /// know are ignored rather than refused, so integrators can send newer types.
    private static func event(in object: PayloadObject, now: Date) throws(WebhookError) -> InboundEvent {
        switch try object.string("type") ?? "message" {
        case "message":
            return .message(try InboundMessage(apiChannelPayload: object, now: now))
        case "receipt":
            return .receipt(try DeliveryReceipt(apiChannelPayload: object, now: now))
        case let other:
            let location = object.path.isEmpty ? "" : "\(object.path): "
            return .ignored(reason: "\(location)type \"\(other.prefix(40))\" is not one the API channel handles")
        }
    }

    private static func decode(_ body: Data) throws(WebhookError) -> JSONValue {
        guard !body.isEmpty else {
            throw WebhookError.malformed("the body is empty; expected a JSON object or an array of objects")
        }
        guard !JSONNesting.exceeds(APIChannelLimits.maxNestingDepth, in: body) else {
            throw WebhookError.malformed("the body nests arrays and objects deeper than \(APIChannelLimits.maxNestingDepth) levels")
        }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: body)
        } catch {
            throw WebhookError.malformed("the body is not valid JSON")
        }
    }
}
