extension ConfigurationLoader {
    func readSettings(_ reader: ConfigReader) -> GatewaySettings {
        reader.rejectUnknownKeys(["publicURL", "maxBodyBytes", "worker", "dispatcher"])
        var settings = GatewaySettings()
        if let publicURL = reader.string("publicURL") {
            if Self.isHTTPURL(publicURL) {
                settings.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
            } else {
                reader.diagnostics.error(file: reader.file, path: reader.child("publicURL"), reason: "expected an absolute http or https URL, found \"\(publicURL)\"")
            }
        }
        settings.maxBodyBytes = reader.integer("maxBodyBytes", in: 1024...(64 << 20)) ?? settings.maxBodyBytes
        if let worker = reader.object("worker") {
            worker.rejectUnknownKeys(["concurrency", "maxAttempts", "pollIntervalMilliseconds"])
            settings.worker.concurrency = worker.integer("concurrency", in: 1...256) ?? settings.worker.concurrency
            settings.worker.maxAttempts = worker.integer("maxAttempts", in: 1...100) ?? settings.worker.maxAttempts
            settings.worker.pollIntervalMilliseconds = worker.integer("pollIntervalMilliseconds", in: 10...60_000) ?? settings.worker.pollIntervalMilliseconds
        }
        if let dispatcher = reader.object("dispatcher") {
            dispatcher.rejectUnknownKeys(["concurrency", "maxAttempts", "baseDelayMilliseconds", "maxDelayMilliseconds", "timeoutMilliseconds", "pollIntervalMilliseconds"])
            var values = settings.dispatcher
            values.concurrency = dispatcher.integer("concurrency", in: 1...256) ?? values.concurrency
            values.maxAttempts = dispatcher.integer("maxAttempts", in: 1...100) ?? values.maxAttempts
            values.baseDelayMilliseconds = dispatcher.integer("baseDelayMilliseconds", in: 1...3_600_000) ?? values.baseDelayMilliseconds
            values.maxDelayMilliseconds = dispatcher.integer("maxDelayMilliseconds", in: 1...86_400_000) ?? values.maxDelayMilliseconds
            values.timeoutMilliseconds = dispatcher.integer("timeoutMilliseconds", in: 100...600_000) ?? values.timeoutMilliseconds
            values.pollIntervalMilliseconds = dispatcher.integer("pollIntervalMilliseconds", in: 10...60_000) ?? values.pollIntervalMilliseconds
            if values.maxDelayMilliseconds < values.baseDelayMilliseconds {
                reader.diagnostics.error(file: reader.file, path: dispatcher.child("maxDelayMilliseconds"), reason: "must not be smaller than baseDelayMilliseconds")
            }
            settings.dispatcher = values
        }
        return settings
    }

    static func isHTTPURL(_ text: String) -> Bool {
        guard let scheme = text.split(separator: ":", maxSplits: 1).first?.lowercased() else { return false }
        return (scheme == "http" || scheme == "https") && text.contains("://") && text.count > scheme.count + 3
    }
}
