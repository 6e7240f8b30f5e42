import ChannelKit
import Foundation

extension FakeProvider {
    /// One request the fake provider received, as it arrived.
    public struct RecordedRequest: Sendable, CustomStringConvertible {
        /// The HTTP method, as sent (`POST`).
        public var method: String
        /// The path, as sent (percent-encoding kept), without the query: `/bot123:ABC/sendMessage`.
        public var path: String
        /// The raw query string without the leading `?`, or empty.
        public var rawQuery: String
        /// The request's headers, `Host` included.
        public var headers: HeaderFields
        /// The body exactly as received.
        public var body: Data
        /// When the server finished reading the request.
        public var receivedAt: Date

        /// A recorded request; tests build one to try a ``FakeProvider/Reply/dynamic(_:)`` closure.
        public init(
            method: String,
            path: String,
            rawQuery: String = "",
            headers: HeaderFields = [:],
            body: Data = Data(),
            receivedAt: Date = Date()
        ) {
            self.method = method
            self.path = path
            self.rawQuery = rawQuery
            self.headers = headers
            self.body = body
            self.receivedAt = receivedAt
        }

        /// The request line's method and target: `POST /callback?x=1`.
        public var description: String {
            rawQuery.isEmpty ? "\(method) \(path)" : "\(method) \(path)?\(rawQuery)"
        }

        /// The body as UTF-8 text (invalid bytes replaced).
        public var bodyText: String {
            String(decoding: body, as: UTF8.self)
        }

        /// The body parsed as JSON.
        public func json() throws -> JSONValue {
            try JSONDecoder().decode(JSONValue.self, from: body)
        }

        /// The body decoded as JSON into `type`.
        ///
        /// ```swift
        /// let sent = try request.decode(SendMessage.self)
        /// ```
        public func decode<T: Decodable>(_ type: T.Type, using decoder: JSONDecoder = JSONDecoder()) throws -> T {
            try decoder.decode(type, from: body)
        }

        /// The query parameters, decoded as a server would (`%XX` and `+` for a space), in order
        /// (repeated names kept).
        public var queryItems: [URLQueryItem] {
            Self.decodeForm(rawQuery)
        }

        /// The first value of a query parameter.
        public func query(_ name: String) -> String? {
            queryItems.first { $0.name == name }?.value
        }

        /// The body's fields when it is `application/x-www-form-urlencoded` (Twilio), decoded
        /// (`+` is a space), in order.
        public var formItems: [URLQueryItem] {
            Self.decodeForm(bodyText)
        }

        /// The first value of a form field of the body.
        public func formField(_ name: String) -> String? {
            formItems.first { $0.name == name }?.value
        }

        /// Decodes `name=value&...` the way HTML forms encode it: `+` is a space, `%XX` a byte.
        private static func decodeForm(_ text: String) -> [URLQueryItem] {
            text.split(separator: "&").map { pair in
                let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = halves.first.map(formDecode) ?? ""
                let value = halves.count > 1 ? formDecode(halves[1]) : nil
                return URLQueryItem(name: name, value: value)
            }
        }

        private static func formDecode(_ text: Substring) -> String {
            let spaced = text.replacingOccurrences(of: "+", with: " ")
            return spaced.removingPercentEncoding ?? spaced
        }
    }
}
