import Foundation
import Synchronization

/// A token bucket per key (an IP address): `perMinute` messages a minute on average, bursts up
/// to `perMinute`. Idle keys are forgotten.
final class MessageRateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Date
    }

    private let buckets = Mutex<[String: Bucket]>([:])

    /// Takes one token for `key`; returns nil when allowed, else the seconds until one is free.
    func take(_ key: String, perMinute: Int, now: Date = Date()) -> Int? {
        let capacity = Double(perMinute)
        let ratePerSecond = capacity / 60
        return buckets.withLock { buckets in
            if buckets.count > 10_000 {
                buckets = buckets.filter { now.timeIntervalSince($0.value.updated) < 60 }
            }
            var bucket = buckets[key] ?? Bucket(tokens: capacity, updated: now)
            bucket.tokens = min(capacity, bucket.tokens + now.timeIntervalSince(bucket.updated) * ratePerSecond)
            bucket.updated = now
            defer { buckets[key] = bucket }
            guard bucket.tokens >= 1 else {
                return max(1, Int(((1 - bucket.tokens) / ratePerSecond).rounded(.up)))
            }
            bucket.tokens -= 1
            return nil
        }
    }
}
