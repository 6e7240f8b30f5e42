import ChannelKit

extension FakeProvider {
    /// How the fake provider answers one request.
    public enum Reply: Sendable {
        /// 200 with a JSON body (`{}` unless given).
        case ok(json: String = "{}")
        /// Any status with a JSON body: a provider's error object, a send result with an id.
        case json(status: Int, body: String)
        /// Any status, body and headers, exactly as given. Statuses outside 200...999 answer 500.
        case status(Int, body: String = "", headers: HeaderFields = [:])
        /// 429 Too Many Requests with a `Retry-After` header in seconds and a JSON body.
        case rateLimited(retryAfterSeconds: Int, json: String = "{}")
        /// Waits `delay` before answering with `then`. Other requests are answered meanwhile.
        indirect case delayed(Duration, then: Reply)
        /// Computes the reply from the request (answer by path, echo an id). The closure must
        /// eventually return a reply that is not `.dynamic`.
        case dynamic(@Sendable (RecordedRequest) -> Reply)

        /// Waits `duration` before answering 200 `{}`: longer than a client's timeout, it provokes
        /// the timeout (the request reached the provider, its answer never came back).
        public static func hang(_ duration: Duration) -> Reply {
            .delayed(duration, then: .ok())
        }
    }
}
