import Brain
import ChannelKit
import Foundation

/// Reads `channels.json`: validates every key, resolves `env:NAME` secrets and builds each
/// channel's adapter. All errors are reported together, each naming file, path and reason.
///
/// Keys read (see docs/CONFIG.md for their meaning and defaults):
/// - top level: `gateway`, `llm` (ConfigurationLoader+LLM.swift), `pricing`, `semantic`
///   (ConfigurationLoader+Semantic.swift)
///   (ConfigurationLoader+Pricing.swift), `tenants`
/// - `gateway`: `publicURL`, `maxBodyBytes`, `worker` (`concurrency`, `maxAttempts`,
///   `pollIntervalMilliseconds`), `dispatcher` (`concurrency`, `maxAttempts`,
///   `baseDelayMilliseconds`, `maxDelayMilliseconds`, `timeoutMilliseconds`, `pollIntervalMilliseconds`)
/// - `tenants[]`: `id`, `name`, `defaultRegion`, `assistant` (with `model`), `knowledgeBase`,
///   `limits` (ConfigurationLoader+Limits.swift), `budget`, `channels`
/// - `tenants[].channels[]`: `id`, `type`, `settings`, `secrets`
struct ConfigurationLoader {
    var catalog: ChannelCatalog
    var environment: [String: String]

    init(catalog: ChannelCatalog = .standard, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.catalog = catalog
        self.environment = environment
    }

    /// Loads and validates the file at `path`.
    func load(path: String) throws(ConfigErrors) -> GatewayConfiguration {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConfigErrors(errors: [ConfigError(file: path, path: "", reason: "cannot be read (\(Self.reason(error)))")])
        }
        return try parse(data, file: path)
    }

    /// Validates configuration text; `file` names it in errors.
    func parse(_ data: Data, file: String) throws(ConfigErrors) -> GatewayConfiguration {
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw ConfigErrors(errors: [ConfigError(file: file, path: "", reason: "is not valid JSON (\(Self.reason(error)))")])
        }
        guard case .object(let object) = root else {
            throw ConfigErrors(errors: [ConfigError(file: file, path: "", reason: "expected a JSON object at the top level, found \(root.typeName)")])
        }
        let diagnostics = ConfigDiagnostics()
        let reader = ConfigReader(file: file, path: "", object: object, diagnostics: diagnostics)
        reader.rejectUnknownKeys(["gateway", "llm", "pricing", "semantic", "tenants"])
        let settings = reader.object("gateway").map(readSettings) ?? GatewaySettings()
        let llm = reader.object("llm").flatMap(readLLM)
        let pricing = reader.object("pricing").map(readPricing) ?? Pricing()
        let semantic = reader.object("semantic").map(readSemantic) ?? SemanticSettings()
        let modelIDs = Set(llm?.models.map(\.id) ?? [])

        var tenants: [TenantProfile] = []
        var channels: [ChannelEntry] = []
        var tenantIDs: [String: String] = [:]
        var channelIDs: [String: String] = [:]
        let tenantReaders = reader.objects("tenants") ?? []
        if tenantReaders.isEmpty {
            diagnostics.error(file: file, path: "tenants", reason: "at least one tenant is required")
        }
        for tenantReader in tenantReaders {
            guard let tenant = readTenant(tenantReader, knownModelIDs: modelIDs) else { continue }
            if let first = tenantIDs[tenant.id] {
                diagnostics.error(file: file, path: tenantReader.child("id"), reason: "duplicate tenant id \"\(tenant.id)\" (first used at \(first))")
                continue
            }
            tenantIDs[tenant.id] = tenantReader.child("id")
            tenants.append(tenant)
            for channelReader in tenantReader.objects("channels") ?? [] {
                guard let entry = readChannel(channelReader, tenantID: tenant.id) else { continue }
                if let first = channelIDs[entry.ref.channelID] {
                    diagnostics.error(file: file, path: channelReader.child("id"), reason: "duplicate channel id \"\(entry.ref.channelID)\" (first used at \(first)); channel ids are unique across the file")
                    continue
                }
                channelIDs[entry.ref.channelID] = channelReader.child("id")
                channels.append(entry)
            }
        }
        if !diagnostics.errors.isEmpty {
            throw ConfigErrors(errors: diagnostics.errors)
        }
        return GatewayConfiguration(
            file: file, settings: settings, tenants: TenantDirectory(tenants),
            channels: ChannelRegistry(channels), llm: llm, pricing: pricing, semantic: semantic, warnings: diagnostics.warnings
        )
    }

    static func reason(_ error: any Error) -> String {
        if let decoding = error as? DecodingError {
            switch decoding {
            case .dataCorrupted(let context):
                let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return underlying ?? context.debugDescription
            default:
                return "\(decoding)"
            }
        }
        return (error as NSError).localizedDescription
    }
}
