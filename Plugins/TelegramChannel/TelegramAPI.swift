import ChannelKit
import Foundation

/// Builds Bot API calls: `POST {apiBaseURL}/bot{token}/{method}` with a JSON body.
///
/// The URL holds the bot token, so it is a secret as a whole: it is never put in an error or a
/// ``SendFailure`` reason.
struct TelegramAPI: Sendable {
    /// The Bot API's base URL, without a trailing slash.
    let baseURL: String
    let botToken: Secret

    /// The URL of a Bot API method.
    func url(_ method: String) -> String {
        "\(baseURL)/bot\(botToken.value)/\(method)"
    }

    /// A POST of the call's parameters as a JSON object (keys sorted, so bodies are stable) to `method`.
    ///
    /// Encoding cannot fail for the values the adapter builds (it never puts a non-finite number
    /// in a body); if it ever did, the body would be `{}` and Telegram would refuse the call.
    func request(_ call: TelegramCall) -> ProviderRequest {
        request(call.method, call.parameters)
    }

    /// A POST of `parameters` as a JSON object to `method`; see ``request(_:)``.
    func request(_ method: String, _ parameters: [String: RequestJSON]) -> ProviderRequest {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = (try? encoder.encode(parameters)) ?? Data("{}".utf8)
        return ProviderRequest(method: "POST", url: url(method), headers: ["Content-Type": "application/json"], body: body)
    }
}

/// One Bot API call before it becomes a request: a method and its parameters.
struct TelegramCall: Hashable, Sendable {
    var method: String
    var parameters: [String: RequestJSON]
}
