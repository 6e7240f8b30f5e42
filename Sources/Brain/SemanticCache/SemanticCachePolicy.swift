import Foundation

/// The numbers of the cache's decision rule. The defaults are the calibrated ones
/// (`Benchmarks/CacheCalibration`, all-MiniLM-L6-v2); another embedder needs its own calibration.
public struct SemanticCachePolicy: Sendable, Hashable, Codable {
    /// Threshold a new entry with a model-generated answer starts at.
    public var generatedThreshold: Float
    /// Threshold a new knowledge-base entry starts at (the business wrote the answer, and its
    /// paraphrases are keys of their own).
    public var knowledgeBaseThreshold: Float
    /// No entry's threshold relaxes below this, whatever the evidence.
    public var floor: Float
    /// How much each net confirmation lowers an entry's threshold.
    public var relaxStep: Float
    /// How far below the lowest confirmed similarity a threshold may go.
    public var explorationSlack: Float
    /// How far above a similarity reported wrong the threshold is raised.
    public var missGap: Float
    /// Confirmations one miss cancels.
    public var missPenalty: Int
    /// How much closer the best entry must be than the closest entry with another answer.
    public var margin: Float
    /// How long an entry lives unless the caller says otherwise.
    public var timeToLive: TimeInterval
    /// Paraphrase keys kept per entry.
    public var maxKeysPerEntry: Int
    /// Entries kept per scope; inserting beyond it drops the entries closest to expiry.
    public var maxEntriesPerScope: Int

    public init(
        generatedThreshold: Float = 0.86,
        knowledgeBaseThreshold: Float = 0.84,
        floor: Float = 0.80,
        relaxStep: Float = 0.01,
        explorationSlack: Float = 0.02,
        missGap: Float = 0.03,
        missPenalty: Int = 3,
        margin: Float = 0.03,
        timeToLive: TimeInterval = 7 * 24 * 3600,
        maxKeysPerEntry: Int = 16,
        maxEntriesPerScope: Int = 5000
    ) {
        self.generatedThreshold = generatedThreshold
        self.knowledgeBaseThreshold = knowledgeBaseThreshold
        self.floor = floor
        self.relaxStep = relaxStep
        self.explorationSlack = explorationSlack
        self.missGap = missGap
        self.missPenalty = missPenalty
        self.margin = margin
        self.timeToLive = timeToLive
        self.maxKeysPerEntry = maxKeysPerEntry
        self.maxEntriesPerScope = maxEntriesPerScope
    }

    public func initialThreshold(for source: CacheEntrySource.Kind) -> Float {
        switch source {
        case .knowledgeBase: knowledgeBaseThreshold
        case .generated: generatedThreshold
        }
    }
}
