import ChannelKit

extension GraphError {
    /// The failure a Graph API answer means, when it is not a success.
    ///
    /// Retryable: HTTP 408, 425, 429 and 5xx, and any status whose body carries a rate-limit or
    /// temporary code (WhatsApp answers 400 with code 130429 when throughput is exceeded); the
    /// answer's `Retry-After` is honoured. Anything else is permanent, with the body's
    /// `code/subcode: message` as the reason and its code as ``SendFailure/providerCode``.
    ///
    /// - Returns: nil when `response` is a 2xx answer without an error object.
    public static func failure(for response: ProviderResponse) -> SendFailure? {
        let error = GraphError(body: response.body)
        let isSuccess = (200..<300).contains(response.status)
        if isSuccess && error == nil { return nil }
        let retryableStatus = [408, 425, 429].contains(response.status) || (500..<600).contains(response.status)
        let isRetryable = retryableStatus || (error?.isRetryable ?? false)
        let reason = error.map { "the Graph API refused the request: \($0.summary)" }
            ?? "the Graph API answered \(response.status)"
        return SendFailure(
            isRetryable: isRetryable,
            retryAfter: isRetryable ? RetryAfter.parse(response.headers["Retry-After"]) : nil,
            status: response.status,
            providerCode: error.map { String($0.code) },
            reason: reason
        )
    }
}
