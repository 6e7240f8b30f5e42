import ChannelKit

extension ConfigurationLoader {
    /// Reads one channel, resolves its secrets and builds its adapter. A channel whose secret is
    /// missing from the environment is kept, disabled, with a warning; other problems are errors.
    func readChannel(_ reader: ConfigReader, tenantID: String) -> ChannelEntry? {
        reader.rejectUnknownKeys(["id", "type", "enabled", "settings", "secrets"])
        guard let id = reader.requireString("id"), let type = reader.requireString("type") else { return nil }
        guard Self.isIdentifier(id) else {
            reader.diagnostics.error(file: reader.file, path: reader.child("id"), reason: "\"\(id)\" must be 1–64 letters, digits, '-' or '_' (it appears in webhook URLs)")
            return nil
        }
        guard let adapterType = catalog.adapterType(named: type) else {
            reader.diagnostics.error(file: reader.file, path: reader.child("type"), reason: "unknown channel type \"\(type)\" (known: \(catalog.typeNames.joined(separator: ", ")))")
            return nil
        }
        let ref = ChannelRef(tenantID: tenantID, channelID: id, kind: adapterType.kind)
        let settingsReader = reader.object("settings")
        let secretsReader = reader.object("secrets")
        settingsReader?.rejectUnknownKeys(adapterType.settingKeys)
        secretsReader?.rejectUnknownKeys(adapterType.secretKeys)

        if reader.bool("enabled") == false {
            // Kept (its id stays reserved) but neither built nor warned about.
            return ChannelEntry(ref: ref, type: type, state: .switchedOff)
        }
        var secrets: [String: Secret] = [:]
        var missing: [String] = []
        for key in (secretsReader?.object.keys.sorted() ?? []) where adapterType.secretKeys.contains(key) {
            guard let secretsReader, let reference = secretsReader.requireString(key) else { continue }
            if reference.hasPrefix("env:") {
                let name = String(reference.dropFirst(4))
                if let value = environment[name], !value.isEmpty {
                    secrets[key] = Secret(value)
                } else {
                    missing.append("secrets.\(key) (environment variable \(name) is not set)")
                }
            } else {
                reader.diagnostics.warning("tenant \(tenantID), channel \(id): secrets.\(key) is written inline in \(reader.file); use \"env:NAME\" outside demos")
                secrets[key] = Secret(reference)
            }
        }
        if !missing.isEmpty {
            let reason = "missing " + missing.joined(separator: ", ")
            reader.diagnostics.warning("tenant \(tenantID), channel \(id) is disabled: \(reason)")
            return ChannelEntry(ref: ref, type: type, state: .disabled(reason: reason))
        }
        let configuration = ChannelConfiguration(ref: ref, settings: settingsReader?.object ?? [:], secrets: secrets)
        do {
            let adapter = try adapterType.init(configuration: configuration)
            return ChannelEntry(ref: ref, type: type, state: .active(adapter))
        } catch {
            reader.diagnostics.error(file: reader.file, path: reader.child(error.key), reason: error.reason)
            return nil
        }
    }
}
