import Brain
import ChannelKit

// The language-model settings: a top-level `llm` object, and a tenant's `assistant.model`.
//
// ```json
// "llm": {
//   "enabled": true,                                   // optional; false switches the LLM off
//   "endpoints": [                                     // OpenAI-compatible servers
//     { "id": "openai", "baseURL": "https://api.openai.com/v1",
//       "apiKey": "env:OPENAI_API_KEY",                // optional (Ollama, llama.cpp need none);
//                                                      // a missing variable disables the endpoint
//       "timeoutMilliseconds": 30000,                  // optional, 100…600000
//       "headers": { "HTTP-Referer": "https://bakery.example", "X-Title": "Bakery" } },  // optional
//     { "id": "ollama", "baseURL": "http://127.0.0.1:11434/v1" }
//   ],
//   "models": [
//     { "id": "fast", "endpoint": "openai", "model": "gpt-4o-mini",
//       "tier": "cheap",                               // optional: cheap (default) or strong
//       "maxTokens": 400,                              // optional, 1…1000000 (512)
//       "temperature": 0.3,                            // optional, 0…2 (0.3)
//       "inputPricePerMillion": 0.15,                  // optional, tenant currency per 1M tokens (0)
//       "outputPricePerMillion": 0.6 },                // optional (0)
//     { "id": "smart", "endpoint": "openai", "model": "gpt-4o", "tier": "strong",
//       "inputPricePerMillion": 2.5, "outputPricePerMillion": 10 },
//     { "id": "local", "endpoint": "ollama", "model": "llama3.1:8b" }
//   ],
//   "cheapModel": "fast",                              // optional: first cheap-tier model
//   "strongModel": "smart",                            // optional: first strong-tier model, else cheapModel
//   "fallbacks": ["fast", "local"],                    // optional: tried in order after the chosen one
//   "timeBudgetsMilliseconds": { "voice": 4000, "sms": 20000, "default": 30000 },  // optional; keys are
//                                                      // channel kinds or "default", 100…600000
//   "retries": 2,                                      // optional, 0…10: per model, for 429/5xx/timeouts
//   "retryBaseDelayMilliseconds": 200,                 // optional, 1…60000
//   "circuitBreaker": { "failureThreshold": 5, "cooldownMilliseconds": 30000 }  // optional
// }
// ```
//
// A tenant's `assistant.model` (every key optional):
//
// ```json
// "assistant": { "model": { "enabled": true, "model": "smart", "maxTokens": 300 } }
// ```
extension ConfigurationLoader {
    /// Reads the top-level `llm` object. Nil when it says `"enabled": false` or has errors (they
    /// are reported in the diagnostics). An endpoint whose API key variable is not set is kept,
    /// disabled, with a warning naming the variable.
    func readLLM(_ reader: ConfigReader) -> LLMSettings? {
        let errorsBefore = reader.diagnostics.errors.count
        reader.rejectUnknownKeys([
            "enabled", "endpoints", "models", "cheapModel", "strongModel", "fallbacks",
            "timeBudgetsMilliseconds", "retries", "retryBaseDelayMilliseconds", "circuitBreaker",
        ])
        if reader.bool("enabled") == false { return nil }
        var settings = LLMSettings()
        settings.endpoints = readLLMEndpoints(reader)
        settings.models = readLLMModels(reader, endpoints: settings.endpoints)
        let modelIDs = Set(settings.models.map(\.id))
        settings.cheapModelID = Self.modelReference("cheapModel", in: reader, known: modelIDs)
        settings.strongModelID = Self.modelReference("strongModel", in: reader, known: modelIDs)
        for (index, id) in (reader.stringArray("fallbacks") ?? []).enumerated() {
            if modelIDs.contains(id) {
                settings.fallbackModelIDs.append(id)
            } else {
                reader.diagnostics.error(file: reader.file, path: "\(reader.child("fallbacks"))[\(index)]", reason: Self.unknownModel(id, known: modelIDs))
            }
        }
        if let budgets = reader.object("timeBudgetsMilliseconds") {
            budgets.rejectUnknownKeys(Set(ChannelKind.allCases.map(\.rawValue) + ["default"]))
            for kind in ChannelKind.allCases {
                if let milliseconds = budgets.integer(kind.rawValue, in: 100...600_000) {
                    settings.timeBudgets[kind] = .milliseconds(milliseconds)
                }
            }
            if let milliseconds = budgets.integer("default", in: 100...600_000) {
                settings.defaultTimeBudget = .milliseconds(milliseconds)
            }
        }
        settings.retryCount = reader.integer("retries", in: 0...10) ?? settings.retryCount
        if let milliseconds = reader.integer("retryBaseDelayMilliseconds", in: 1...60_000) {
            settings.retryBaseDelay = .milliseconds(milliseconds)
        }
        if let breaker = reader.object("circuitBreaker") {
            breaker.rejectUnknownKeys(["failureThreshold", "cooldownMilliseconds"])
            settings.breakerFailureThreshold = breaker.integer("failureThreshold", in: 1...1_000) ?? settings.breakerFailureThreshold
            if let milliseconds = breaker.integer("cooldownMilliseconds", in: 100...3_600_000) {
                settings.breakerCooldown = .milliseconds(milliseconds)
            }
        }
        if !settings.models.isEmpty, !settings.hasUsableModel {
            reader.diagnostics.warning("llm: no language model can be called (every endpoint is disabled); answers come from the knowledge base and humans")
        }
        return reader.diagnostics.errors.count == errorsBefore ? settings : nil
    }

    /// Reads a tenant's `assistant.model` object.
    ///
    /// - Parameter knownModelIDs: The ids in `llm.models`; when given, a `model` not among them is
    ///   an error.
    func readModelPolicy(_ reader: ConfigReader, knownModelIDs: Set<String>? = nil) -> TenantModelPolicy {
        reader.rejectUnknownKeys(["enabled", "model", "maxTokens"])
        var policy = TenantModelPolicy()
        policy.isEnabled = reader.bool("enabled") ?? policy.isEnabled
        if let known = knownModelIDs {
            policy.forcedModelID = Self.modelReference("model", in: reader, known: known)
        } else {
            policy.forcedModelID = reader.string("model")
        }
        policy.maxTokens = reader.integer("maxTokens", in: 1...1_000_000)
        return policy
    }

    private func readLLMEndpoints(_ reader: ConfigReader) -> [LLMEndpoint] {
        var endpoints: [LLMEndpoint] = []
        let items = reader.objects("endpoints") ?? []
        if Self.isAbsentOrEmpty("endpoints", in: reader) {
            reader.diagnostics.error(file: reader.file, path: reader.child("endpoints"), reason: "at least one endpoint is required")
        }
        for item in items {
            item.rejectUnknownKeys(["id", "baseURL", "apiKey", "timeoutMilliseconds", "headers"])
            guard let id = item.requireString("id"), let baseURL = item.requireString("baseURL") else { continue }
            guard Self.isIdentifier(id) else {
                item.diagnostics.error(file: item.file, path: item.child("id"), reason: "\"\(id)\" must be 1–64 letters, digits, '-' or '_'")
                continue
            }
            guard !endpoints.contains(where: { $0.id == id }) else {
                item.diagnostics.error(file: item.file, path: item.child("id"), reason: "duplicate endpoint id \"\(id)\"")
                continue
            }
            guard Self.isHTTPURL(baseURL) else {
                item.diagnostics.error(file: item.file, path: item.child("baseURL"), reason: "expected an absolute http or https URL, found \"\(baseURL)\"")
                continue
            }
            var endpoint = LLMEndpoint(id: id, baseURL: baseURL)
            if let milliseconds = item.integer("timeoutMilliseconds", in: 100...600_000) {
                endpoint.timeout = .milliseconds(milliseconds)
            }
            endpoint.headers = readLLMHeaders(item)
            if let reference = item.string("apiKey") {
                if reference.hasPrefix("env:") {
                    let name = String(reference.dropFirst(4))
                    if let value = environment[name], !value.isEmpty {
                        endpoint.apiKey = Secret(value)
                    } else {
                        endpoint.disabledReason = "apiKey (environment variable \(name) is not set)"
                        item.diagnostics.warning("llm endpoint \(id) is disabled: missing apiKey (environment variable \(name) is not set)")
                    }
                } else {
                    item.diagnostics.warning("llm endpoint \(id): apiKey is written inline in \(item.file); use \"env:NAME\" outside demos")
                    endpoint.apiKey = Secret(reference)
                }
            }
            endpoints.append(endpoint)
        }
        return endpoints
    }

    /// Extra headers: plain strings, never the ones the client sets itself.
    private func readLLMHeaders(_ endpoint: ConfigReader) -> HeaderFields {
        guard let headers = endpoint.object("headers") else { return [:] }
        var fields = HeaderFields()
        for name in headers.object.keys.sorted() {
            guard let value = headers.string(name) else { continue }
            let reserved = ["authorization", "content-type", "content-length", "host"]
            if reserved.contains(name.lowercased()) {
                headers.diagnostics.error(file: headers.file, path: headers.child(name), reason: "is set by the gateway (use apiKey for Authorization)")
            } else if name.isEmpty || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "!#$%&'*+-.^_`|~".contains($0)) }) {
                headers.diagnostics.error(file: headers.file, path: headers.child(name), reason: "is not a valid HTTP header name")
            } else if value.contains(where: { $0 == "\r" || $0 == "\n" }) {
                headers.diagnostics.error(file: headers.file, path: headers.child(name), reason: "must not contain line breaks")
            } else {
                fields[name] = value
            }
        }
        return fields
    }

    private func readLLMModels(_ reader: ConfigReader, endpoints: [LLMEndpoint]) -> [LLMModel] {
        var models: [LLMModel] = []
        let endpointIDs = endpoints.map(\.id)
        let items = reader.objects("models") ?? []
        if Self.isAbsentOrEmpty("models", in: reader) {
            reader.diagnostics.error(file: reader.file, path: reader.child("models"), reason: "at least one model is required")
        }
        for item in items {
            item.rejectUnknownKeys(["id", "endpoint", "model", "tier", "maxTokens", "temperature", "inputPricePerMillion", "outputPricePerMillion"])
            guard let id = item.requireString("id"), let endpointID = item.requireString("endpoint"),
                  let name = item.requireString("model") else { continue }
            guard Self.isIdentifier(id) else {
                item.diagnostics.error(file: item.file, path: item.child("id"), reason: "\"\(id)\" must be 1–64 letters, digits, '-' or '_'")
                continue
            }
            guard !models.contains(where: { $0.id == id }) else {
                item.diagnostics.error(file: item.file, path: item.child("id"), reason: "duplicate model id \"\(id)\"")
                continue
            }
            guard endpointIDs.contains(endpointID) else {
                item.diagnostics.error(file: item.file, path: item.child("endpoint"), reason: "no endpoint with id \"\(endpointID)\" (llm.endpoints has: \(endpointIDs.joined(separator: ", ")))")
                continue
            }
            var model = LLMModel(id: id, endpointID: endpointID, name: name)
            if let tier = item.string("tier") {
                if let value = ModelTier(rawValue: tier) {
                    model.tier = value
                } else {
                    item.diagnostics.error(file: item.file, path: item.child("tier"), reason: "expected \"cheap\" or \"strong\", found \"\(tier)\"")
                }
            }
            model.maxTokens = item.integer("maxTokens", in: 1...1_000_000) ?? model.maxTokens
            model.temperature = item.number("temperature", in: 0...2) ?? model.temperature
            model.inputPricePerMillion = item.number("inputPricePerMillion", in: 0...1_000_000) ?? model.inputPricePerMillion
            model.outputPricePerMillion = item.number("outputPricePerMillion", in: 0...1_000_000) ?? model.outputPricePerMillion
            models.append(model)
        }
        return models
    }

    /// A string naming a model, checked against the configured ids.
    private static func modelReference(_ key: String, in reader: ConfigReader, known: Set<String>) -> String? {
        guard let id = reader.string(key) else { return nil }
        guard known.contains(id) else {
            reader.diagnostics.error(file: reader.file, path: reader.child(key), reason: unknownModel(id, known: known))
            return nil
        }
        return id
    }

    private static func unknownModel(_ id: String, known: Set<String>) -> String {
        let list = known.isEmpty ? "none" : known.sorted().joined(separator: ", ")
        return "no model with id \"\(id)\" (llm.models has: \(list))"
    }

    /// True when `key` is absent or an empty array (a value of another type is reported by `objects`).
    private static func isAbsentOrEmpty(_ key: String, in reader: ConfigReader) -> Bool {
        switch reader.object[key] {
        case nil, .null?: true
        case .array(let values)?: values.isEmpty
        default: false
        }
    }
}
