/// Conversions between amounts of a currency and integer nano-units (1e-9 of the currency), the
/// unit the ledger counts in so that sums are exact.
public enum Nanos {
    /// Nano-units in one unit of the currency.
    public static let perUnit: Int64 = 1_000_000_000

    /// `amount` units of the currency in nano-units, rounded to the nearest. Negative, NaN and
    /// infinite amounts give 0; amounts beyond a billion units are clamped to a billion.
    ///
    /// ```swift
    /// Nanos.fromCurrency(0.0079) // 7_900_000
    /// ```
    public static func fromCurrency(_ amount: Double) -> Int64 {
        guard amount.isFinite, amount > 0 else { return 0 }
        return Int64((min(amount, 1_000_000_000) * Double(perUnit)).rounded())
    }

    /// The price of one token in nano-units, from a price per million tokens (× 1000, rounded to
    /// the nearest): `0.02` per million is 20 nanos a token.
    public static func perToken(pricePerMillion: Double) -> Int64 {
        guard pricePerMillion.isFinite, pricePerMillion > 0 else { return 0 }
        return Int64((min(pricePerMillion, 1_000_000_000) * 1000).rounded())
    }

    /// `nanos` in units of the currency, for display (`7_900_000` → `0.0079`).
    public static func toCurrency(_ nanos: Int64) -> Double {
        Double(nanos) / Double(perUnit)
    }
}
