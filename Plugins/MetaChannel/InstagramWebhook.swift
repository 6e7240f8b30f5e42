import ChannelKit
import Foundation

/// Reads an Instagram messaging webhook body:
/// `{"object": "instagram", "entry": [{"id", "time", "messaging": [{"sender", "recipient", "timestamp", …}]}]}`.
///
/// One body may batch several entries, each with several messaging events; every one is read, in
/// order. `standby` events (another app controls the conversation) and `changes` (comments,
/// mentions) are ignored with a reason.
enum InstagramWebhook {
    /// The events in `body`, in order.
    ///
    /// - Parameters:
    ///   - accountID: the channel's `igUserId`; events whose sender is the business are echoes.
    ///   - now: the timestamp of events that carry none.
    /// - Throws: 400 `malformed_payload` naming the first field in error.
    static func events(in body: Data, accountID: String, now: Date) throws(WebhookError) -> [InboundEvent] {
        let root = try MetaJSONBody.root(of: body)
        let object = try root.requiredString("object")
        guard object == "instagram" else {
            return [.ignored(reason: "object \"\(object.prefix(40))\" is not an Instagram notification")]
        }
        var events: [InboundEvent] = []
        for entry in try root.requiredObjects("entry") {
            var businessIDs: Set<String> = [accountID]
            if let entryID = try entry.identifier("id") { businessIDs.insert(entryID) }
            let entryTime = try entry.unixMilliseconds("time") ?? now
            for item in try entry.objects("messaging") {
                events.append(try InstagramMessagingEvent.event(from: item, businessIDs: businessIDs, now: entryTime))
            }
            for item in try entry.objects("standby") {
                events.append(.ignored(reason: "\(item.path): a standby event (another app controls this conversation)"))
            }
            for change in try entry.objects("changes") {
                let field = try change.string("field") ?? "unknown"
                events.append(.ignored(reason: "\(change.path): webhook field \"\(field.prefix(40))\" is not a conversation"))
            }
        }
        return events
    }
}
