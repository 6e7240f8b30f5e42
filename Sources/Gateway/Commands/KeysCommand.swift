import ArgumentParser
import Brain
import Foundation
import Logging

/// `gateway keys …`: admin API keys (docs/ADMIN_API.md).
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create, list and revoke admin API keys.",
        subcommands: [CreateKeyCommand.self, ListKeysCommand.self, RevokeKeyCommand.self]
    )
}

/// Where the keys are: the gateway's database.
struct KeyStoreOptions: ParsableArguments {
    @Option(help: "The SQLite database file (env GATEWAY_DATABASE; default data/gateway.sqlite).")
    var database: String?

    func open() async throws -> SQLiteStore {
        let path = database ?? ProcessInfo.processInfo.environment["GATEWAY_DATABASE"] ?? GatewayOptions().databasePath
        return try await SQLiteStore.open(path: path, logger: Logger(label: "keys", factory: { _ in SwiftLogNoOpLogHandler() }))
    }
}

/// `gateway keys create --tenant ID --role admin|agent [--name NAME]`: prints the key once.
struct CreateKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an API key for a tenant and print it (once: only its hash is stored)."
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var storeOptions: KeyStoreOptions

    @Option(help: "The tenant id from the configuration.")
    var tenant: String

    @Option(help: "admin or agent.")
    var role: String

    @Option(help: "Who or what holds the key (shown in the audit log and as the agent's name).")
    var name: String?

    func run() async throws {
        guard let role = APIKeyRole(rawValue: role) else {
            throw ValidationError("--role must be admin or agent, not \"\(role)\"")
        }
        let configuration: GatewayConfiguration
        do {
            configuration = try ConfigurationLoader().load(path: configOptions.configPath)
        } catch {
            throw ValidationError("the configuration has errors:\n\(error)")
        }
        guard configuration.tenants[tenant] != nil else {
            let known = configuration.tenants.all.map(\.id).sorted().joined(separator: ", ")
            throw ValidationError("no tenant \"\(tenant)\" in \(configOptions.configPath) (known: \(known))")
        }
        let holder = (name?.trimmingCharacters(in: .whitespaces)).flatMap { $0.isEmpty ? nil : $0 } ?? "\(role.rawValue) key"
        guard holder.count <= 100 else { throw ValidationError("--name must be at most 100 characters") }
        let issued = try await storeOptions.open().createAPIKey(tenantID: tenant, role: role, name: holder)
        FileHandle.standardError.write(Data("""
            Created \(role.rawValue) key \(issued.record.id) for tenant \(tenant) ("\(holder)").
            It is shown once and stored only as a hash; keep it now. Use it as: Authorization: Bearer <key>

            """.utf8))
        print(issued.token)
    }
}

/// `gateway keys list [--tenant ID]`: ids, roles, names and states; never secrets.
struct ListKeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List API keys (never their secrets).")

    @OptionGroup var storeOptions: KeyStoreOptions

    @Option(help: "Only this tenant's keys.")
    var tenant: String?

    func run() async throws {
        for key in try await storeOptions.open().apiKeys(tenantID: tenant) {
            let state = key.revokedAt.map { "revoked \(AdminJSON.timestamp($0))" } ?? "active"
            print("\(key.id)\ttenant \(key.tenantID)\t\(key.role.rawValue)\t\(key.name)\tcreated \(AdminJSON.timestamp(key.createdAt))\t\(state)")
        }
    }
}

/// `gateway keys revoke <keyId>`: the key stops working at once.
struct RevokeKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke an API key by its id (ogk_…).")

    @OptionGroup var storeOptions: KeyStoreOptions

    @Argument(help: "The key's id: ogk_ and 12 hex digits (the start of the key).")
    var keyID: String

    func run() async throws {
        let id = String(keyID.prefix(16))
        guard try await storeOptions.open().revokeAPIKey(id: id) else {
            throw ValidationError("no active key \(id)")
        }
        print("revoked \(id)")
    }
}
