import Brain
import ChannelKit
import Foundation
import Testing

@testable import Gateway

/// `readLLM` and `readModelPolicy`, on JSON as it appears in `channels.json`.
@Suite struct LLMConfigurationTests {
    /// Reads `json` as the `llm` object; returns the settings, the errors and the warnings.
    func read(_ json: String, environment: [String: String] = ["OPENAI_API_KEY": "sk-live"]) throws -> (LLMSettings?, [String], [String]) {
        let diagnostics = ConfigDiagnostics()
        guard case .object(let object) = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)) else {
            throw ConfigErrors(errors: [])
        }
        let reader = ConfigReader(file: "channels.json", path: "llm", object: object, diagnostics: diagnostics)
        let settings = ConfigurationLoader(environment: environment).readLLM(reader)
        return (settings, diagnostics.errors.map(\.description), diagnostics.warnings)
    }

    let full = """
        {
          "endpoints": [
            {"id": "openai", "baseURL": "https://api.openai.com/v1/", "apiKey": "env:OPENAI_API_KEY", "timeoutMilliseconds": 20000,
             "headers": {"HTTP-Referer": "https://bakery.example", "X-Title": "Bakery"}},
            {"id": "ollama", "baseURL": "http://127.0.0.1:11434/v1"}
          ],
          "models": [
            {"id": "fast", "endpoint": "openai", "model": "gpt-4o-mini", "maxTokens": 300, "temperature": 0.2,
             "inputPricePerMillion": 0.15, "outputPricePerMillion": 0.6},
            {"id": "smart", "endpoint": "openai", "model": "gpt-4o", "tier": "strong", "inputPricePerMillion": 2.5, "outputPricePerMillion": 10},
            {"id": "local", "endpoint": "ollama", "model": "llama3.1:8b"}
          ],
          "cheapModel": "fast", "strongModel": "smart", "fallbacks": ["fast", "local"],
          "timeBudgetsMilliseconds": {"voice": 3000, "email": 60000, "default": 25000},
          "retries": 1, "retryBaseDelayMilliseconds": 100,
          "circuitBreaker": {"failureThreshold": 3, "cooldownMilliseconds": 10000}
        }
        """

    @Test func readsEveryKey() throws {
        let (loaded, errors, warnings) = try read(full)
        #expect(errors.isEmpty)
        #expect(warnings.isEmpty)
        let settings = try #require(loaded)
        #expect(settings.endpoints.map(\.id) == ["openai", "ollama"])
        let openAI = try #require(settings.endpoint(id: "openai"))
        #expect(openAI.apiKey?.value == "sk-live")
        #expect(openAI.timeout == .seconds(20))
        #expect(openAI.headers["X-Title"] == "Bakery")
        #expect(openAI.chatCompletionsURL == "https://api.openai.com/v1/chat/completions")
        #expect(settings.endpoint(id: "ollama")?.apiKey == nil)
        #expect(settings.model(id: "fast") == LLMModel(id: "fast", endpointID: "openai", name: "gpt-4o-mini", tier: .cheap, maxTokens: 300, temperature: 0.2, inputPricePerMillion: 0.15, outputPricePerMillion: 0.6))
        #expect(settings.model(id: "smart")?.tier == .strong)
        #expect(settings.cheapModelID == "fast")
        #expect(settings.strongModelID == "smart")
        #expect(settings.fallbackModelIDs == ["fast", "local"])
        #expect(settings.timeBudget(for: .voice) == .seconds(3))
        #expect(settings.timeBudget(for: .sms) == .seconds(20))
        #expect(settings.timeBudget(for: .email) == .seconds(60))
        #expect(settings.timeBudget(for: .api) == .seconds(25))
        #expect(settings.retryCount == 1)
        #expect(settings.retryBaseDelay == .milliseconds(100))
        #expect(settings.breakerFailureThreshold == 3)
        #expect(settings.breakerCooldown == .seconds(10))
    }

    @Test func aMissingAPIKeyDisablesOnlyThatEndpoint() throws {
        let (loaded, errors, warnings) = try read(full, environment: [:])
        #expect(errors.isEmpty)
        let settings = try #require(loaded)
        #expect(settings.endpoint(id: "openai")?.isEnabled == false)
        #expect(settings.endpoint(id: "ollama")?.isEnabled == true)
        #expect(warnings.contains { $0.contains("OPENAI_API_KEY") && $0.contains("openai") })
        #expect(ModelRouter(settings: settings).chain(question: "Hi").map(\.id) == ["local"])
    }

    @Test func unknownKeysAreErrors() throws {
        let json = """
            {"endpoints": [{"id": "o", "baseURL": "http://x/v1", "apikey": "oops"}],
             "models": [{"id": "m", "endpoint": "o", "model": "x", "price": 1}],
             "fallback": ["m"], "circuitBreaker": {"threshold": 2}}
            """
        let (loaded, errors, _) = try read(json)
        #expect(loaded == nil)
        #expect(errors.contains { $0.contains("llm.fallback:") && $0.contains("unknown key") })
        #expect(errors.contains { $0.contains("llm.endpoints[0].apikey:") })
        #expect(errors.contains { $0.contains("llm.models[0].price:") })
        #expect(errors.contains { $0.contains("llm.circuitBreaker.threshold:") })
    }

    @Test func referencesMustExist() throws {
        let json = """
            {"endpoints": [{"id": "o", "baseURL": "http://x/v1"}],
             "models": [{"id": "m", "endpoint": "elsewhere", "model": "x"}, {"id": "n", "endpoint": "o", "model": "y"}],
             "cheapModel": "n", "strongModel": "huge", "fallbacks": ["n", "gone"]}
            """
        let (loaded, errors, _) = try read(json)
        #expect(loaded == nil)
        #expect(errors.contains { $0.contains("llm.models[0].endpoint:") && $0.contains("\"elsewhere\"") })
        #expect(errors.contains { $0.contains("llm.strongModel:") && $0.contains("\"huge\"") })
        #expect(errors.contains { $0.contains("llm.fallbacks[1]:") && $0.contains("\"gone\"") })
        #expect(errors.count == 3)
    }

    @Test func badValuesAreNamed() throws {
        let json = """
            {"endpoints": [{"id": "o", "baseURL": "ftp://x", "headers": {"Authorization": "Bearer x"}}, {"id": "p", "baseURL": "http://p", "headers": {"Authorization": "Bearer x"}}],
             "models": [{"id": "m", "endpoint": "p", "model": "x", "tier": "premium", "temperature": 5}],
             "timeBudgetsMilliseconds": {"fax": 1000}}
            """
        let (_, errors, _) = try read(json)
        #expect(errors.contains { $0.contains("llm.endpoints[0].baseURL:") })
        #expect(errors.contains { $0.contains("llm.endpoints[1].headers.Authorization:") && $0.contains("apiKey") })
        #expect(errors.contains { $0.contains("llm.models[0].tier:") })
        #expect(errors.contains { $0.contains("llm.models[0].temperature:") })
        #expect(errors.contains { $0.contains("llm.timeBudgetsMilliseconds.fax:") })
    }

    @Test func modelsAndEndpointsAreRequiredUnlessDisabled() throws {
        let (loaded, errors, _) = try read("{}")
        #expect(loaded == nil)
        #expect(errors.contains { $0.contains("llm.endpoints:") && $0.contains("at least one") })
        #expect(errors.contains { $0.contains("llm.models:") && $0.contains("at least one") })
        let (disabled, noErrors, _) = try read(#"{"enabled": false}"#)
        #expect(disabled == nil)
        #expect(noErrors.isEmpty)
    }

    @Test func anInlineKeyWorksWithAWarning() throws {
        let json = """
            {"endpoints": [{"id": "o", "baseURL": "http://x/v1", "apiKey": "sk-inline"}], "models": [{"id": "m", "endpoint": "o", "model": "x"}]}
            """
        let (loaded, errors, warnings) = try read(json)
        #expect(errors.isEmpty)
        #expect(loaded?.endpoint(id: "o")?.apiKey?.value == "sk-inline")
        #expect(warnings.contains { $0.contains("inline") })
        #expect(!warnings.joined().contains("sk-inline"))
    }

    @Test func readsATenantsModelPolicy() throws {
        let diagnostics = ConfigDiagnostics()
        let object: [String: JSONValue] = ["enabled": .bool(false), "model": .string("smart"), "maxTokens": .number(150)]
        let reader = ConfigReader(file: "channels.json", path: "tenants[0].assistant.model", object: object, diagnostics: diagnostics)
        let policy = ConfigurationLoader(environment: [:]).readModelPolicy(reader, knownModelIDs: ["fast", "smart"])
        #expect(policy == TenantModelPolicy(isEnabled: false, forcedModelID: "smart", maxTokens: 150))
        #expect(diagnostics.errors.isEmpty)

        let unknown = ConfigReader(
            file: "channels.json", path: "tenants[0].assistant.model",
            object: ["model": .string("huge"), "temperature": .number(1)], diagnostics: diagnostics
        )
        #expect(ConfigurationLoader(environment: [:]).readModelPolicy(unknown, knownModelIDs: ["fast"]) == TenantModelPolicy())
        let errors = diagnostics.errors.map(\.description)
        #expect(errors.contains { $0.contains("tenants[0].assistant.model.model:") && $0.contains("\"huge\"") })
        #expect(errors.contains { $0.contains("tenants[0].assistant.model.temperature:") })
    }
}
