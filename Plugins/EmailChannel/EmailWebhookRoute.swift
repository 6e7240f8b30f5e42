/// Which of SendGrid's webhooks a request is, by its path after `/webhooks/{channelId}`.
enum EmailWebhookRoute: Equatable {
    /// `/events`: the Event Webhook (delivery events for sent mail).
    case events
    /// Anything else: Inbound Parse, with the path's single segment (empty when there is none).
    case inboundParse(segment: String)

    init(subpath: String) {
        var path = Substring(subpath)
        while path.hasPrefix("/") { path = path.dropFirst() }
        while path.hasSuffix("/") { path = path.dropLast() }
        self = path == EmailSettings.eventsPathSegment ? .events : .inboundParse(segment: String(path))
    }
}
