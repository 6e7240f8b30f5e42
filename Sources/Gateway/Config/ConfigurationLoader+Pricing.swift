import Brain

extension ConfigurationLoader {
    /// Reads the top-level `pricing` object: what channels cost, in each tenant's currency.
    ///
    /// Keys (defaults in ``Pricing``): `smsSegment` (0.0079 per segment), `voiceMinute` (0.014 per
    /// started minute), `email` (0.0001 per email), `embeddingPerMillionTokens` (0.02). Prices are
    /// 0…1000; a negative price is an error.
    ///
    /// ```json
    /// "pricing": { "smsSegment": 0.0079, "voiceMinute": 0.014, "email": 0.0001, "embeddingPerMillionTokens": 0.02 }
    /// ```
    func readPricing(_ reader: ConfigReader) -> Pricing {
        var result = Pricing()
        reader.rejectUnknownKeys(["smsSegment", "voiceMinute", "email", "embeddingPerMillionTokens"])
        result.smsSegment = price(reader, "smsSegment") ?? result.smsSegment
        result.voiceMinute = price(reader, "voiceMinute") ?? result.voiceMinute
        result.email = price(reader, "email") ?? result.email
        result.embeddingPerMillion = price(reader, "embeddingPerMillionTokens") ?? result.embeddingPerMillion
        return result
    }

    /// A price of 0…1000 currency units, or nil (with an error when present but invalid).
    private func price(_ reader: ConfigReader, _ key: String) -> Double? {
        guard let value = reader.number(key, in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude) else { return nil }
        guard value >= 0 else {
            reader.diagnostics.error(file: reader.file, path: reader.child(key), reason: "a price cannot be negative, found \(value)")
            return nil
        }
        guard value <= 1_000 else {
            reader.diagnostics.error(file: reader.file, path: reader.child(key), reason: "\(value) is out of range 0…1000")
            return nil
        }
        return value
    }
}
