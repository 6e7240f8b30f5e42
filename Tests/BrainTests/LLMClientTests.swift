import ChannelKit
import Foundation
import Testing

@testable import Brain

@Suite struct LLMClientTests {
    let model = LLMModel(id: "fast", endpointID: "openai", name: "gpt-4o-mini", maxTokens: 300, temperature: 0.2)
    let endpoint = LLMEndpoint(
        id: "openai", baseURL: "https://api.openai.com/v1/", apiKey: Secret("sk-test"),
        headers: ["HTTP-Referer": "https://bakery.example", "X-Title": "Bakery"]
    )
    let messages: [ChatMessage] = [.system("Be brief."), .user("When are you open?")]

    @Test func buildsAnOpenAIChatCompletionsRequest() throws {
        let client = ChatCompletionClient(transport: InMemoryLLMTransport(replies: [.ok("Hi")]))
        let request = try client.makeRequest(messages, model: model, endpoint: endpoint, maxTokens: 120)
        #expect(request.method == "POST")
        #expect(request.url == "https://api.openai.com/v1/chat/completions")
        #expect(request.headers["Authorization"] == "Bearer sk-test")
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(request.headers["HTTP-Referer"] == "https://bakery.example")
        #expect(request.headers["X-Title"] == "Bakery")
        let body = try JSONDecoder().decode(JSONValue.self, from: request.body)
        let expected: JSONValue = .object([
            "model": .string("gpt-4o-mini"),
            "messages": .array([
                .object(["role": .string("system"), "content": .string("Be brief.")]),
                .object(["role": .string("user"), "content": .string("When are you open?")]),
            ]),
            "max_tokens": .number(120),
            "temperature": .number(0.2),
        ])
        #expect(body == expected)
    }

    @Test func aLocalServerGetsNoAuthorizationHeader() throws {
        let local = LLMEndpoint(id: "ollama", baseURL: "http://127.0.0.1:11434/v1")
        let client = ChatCompletionClient(transport: InMemoryLLMTransport(replies: [.ok("Hi")]))
        let request = try client.makeRequest(messages, model: model, endpoint: local)
        #expect(request.url == "http://127.0.0.1:11434/v1/chat/completions")
        #expect(request.headers["Authorization"] == nil)
        let body = try JSONDecoder().decode(JSONValue.self, from: request.body)
        guard case .object(let object) = body else { Issue.record("not an object"); return }
        #expect(object["max_tokens"] == .number(300))
    }

    @Test func readsTheAnswerAndTheUsage() async throws {
        let transport = InMemoryLLMTransport(replies: [.ok("We open at 7am.", promptTokens: 42, completionTokens: 6)])
        let completion = try await ChatCompletionClient(transport: transport).complete(messages, model: model, endpoint: endpoint, timeout: .seconds(1))
        #expect(completion.text == "We open at 7am.")
        #expect(completion.usage == TokenUsage(promptTokens: 42, completionTokens: 6, isEstimated: false))
        #expect(completion.responseID == "chatcmpl-1")
        #expect(transport.requests.count == 1)
    }

    @Test func estimatesTheUsageWhenTheServerDoesNotReportIt() throws {
        let body = LLMFixtures.completionBody("We open at seven.", promptTokens: nil, completionTokens: nil)
        let completion = try ChatCompletionClient.completion(from: ProviderResponse(status: 200, body: body), promptBytes: 401)
        // 401 bytes ÷ 4 and 17 bytes ÷ 4, rounded up.
        #expect(completion.usage == TokenUsage(promptTokens: 101, completionTokens: 5, isEstimated: true))
    }

    @Test func aPartialUsageIsCompletedAndMarkedEstimated() throws {
        let body = Data(#"{"choices":[{"message":{"role":"assistant","content":"Yes."}}],"usage":{"prompt_tokens":12}}"#.utf8)
        let completion = try ChatCompletionClient.completion(from: ProviderResponse(status: 200, body: body), promptBytes: 100)
        #expect(completion.usage == TokenUsage(promptTokens: 12, completionTokens: 1, isEstimated: true))
    }

    @Test func rateLimitsAndServerErrorsAreRetryableWithRetryAfter() {
        let limited = ProviderResponse(status: 429, headers: ["Retry-After": "2"], body: Data(#"{"error":{"message":"Rate limit reached","type":"requests"}}"#.utf8))
        #expect(throws: LLMCallError.retryable(status: 429, retryAfter: .seconds(2), reason: "Rate limit reached")) {
            try ChatCompletionClient.completion(from: limited, promptBytes: 0)
        }
        let unavailable = ProviderResponse(status: 503, body: Data("<html>Service Unavailable</html>".utf8))
        #expect(throws: LLMCallError.retryable(status: 503, retryAfter: nil, reason: "the model server refused the call")) {
            try ChatCompletionClient.completion(from: unavailable, promptBytes: 0)
        }
    }

    @Test func otherClientErrorsArePermanentWithTheServersMessage() {
        let invalidKey = ProviderResponse(status: 401, body: Data(#"{"error":{"message":"Incorrect API key provided","code":"invalid_api_key"}}"#.utf8))
        #expect(throws: LLMCallError.permanent(status: 401, reason: "Incorrect API key provided")) {
            try ChatCompletionClient.completion(from: invalidKey, promptBytes: 0)
        }
        let ollama = ProviderResponse(status: 404, body: Data(#"{"error":"model \"llama9\" not found, try pulling it first"}"#.utf8))
        #expect(throws: LLMCallError.permanent(status: 404, reason: #"model "llama9" not found, try pulling it first"#)) {
            try ChatCompletionClient.completion(from: ollama, promptBytes: 0)
        }
    }

    @Test(arguments: [
        #"not json"#,
        #"{"choices":[]}"#,
        #"{"choices":[{"message":{"role":"assistant","content":null}}]}"#,
        #"{"choices":[{"message":{"role":"assistant","content":"   "}}]}"#,
        #"{"choices":"nope"}"#,
    ])
    func aMalformedAnswerIsPermanent(body: String) {
        do {
            _ = try ChatCompletionClient.completion(from: ProviderResponse(status: 200, body: Data(body.utf8)), promptBytes: 0)
            Issue.record("expected an error for \(body)")
        } catch {
            #expect(!error.isRetryable)
            #expect(error.status == 200)
        }
    }

    @Test func aNetworkFailureIsRetryable() async {
        let transport = InMemoryLLMTransport(replies: [.failure(.unreachable("connection refused"))])
        await #expect(throws: LLMCallError.retryable(status: nil, retryAfter: nil, reason: "the model server is unreachable (connection refused)")) {
            try await ChatCompletionClient(transport: transport).complete(messages, model: model, endpoint: endpoint, timeout: .seconds(1))
        }
    }

    @Test func aTransportFailureAfterTheLimitIsTheLimitNotTheNetwork() {
        let failure = LLMTransportError.noResponse("deadline exceeded")
        #expect(ChatCompletionClient.transportFailure(failure, after: .milliseconds(1_000), limit: .milliseconds(500)) == .timedOut(after: .milliseconds(500)))
        #expect(ChatCompletionClient.transportFailure(failure, after: .milliseconds(500), limit: .milliseconds(500)) == .timedOut(after: .milliseconds(500)))
        #expect(ChatCompletionClient.transportFailure(failure, after: .milliseconds(20), limit: .milliseconds(500)) == .retryable(status: nil, retryAfter: nil, reason: failure.description))
        let refused = LLMTransportError.unreachable("connection refused")
        #expect(ChatCompletionClient.transportFailure(refused, after: .milliseconds(1_000), limit: .milliseconds(500)) == .retryable(status: nil, retryAfter: nil, reason: refused.description))
    }

    @Test func aSlowServerTimesOutWithinTheLimit() async {
        let transport = InMemoryLLMTransport(replies: [.delayed(.seconds(30), .ok("late"))])
        let clock = ContinuousClock()
        let started = clock.now
        await #expect(throws: LLMCallError.timedOut(after: .milliseconds(100))) {
            try await ChatCompletionClient(transport: transport).complete(messages, model: model, endpoint: endpoint, timeout: .milliseconds(100))
        }
        #expect(started.duration(to: clock.now) < .seconds(10), "far sooner than the 30 s the server takes (the margin allows for a loaded test machine)")
    }
}
