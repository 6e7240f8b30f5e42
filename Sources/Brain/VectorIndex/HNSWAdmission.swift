/// Which nodes a traversal may return (all of them are still walked through).
struct HNSWAdmission {
    /// Leave out deleted nodes (queries); construction links to any node.
    var skipsDeleted: Bool
    /// Leave out ids it rejects.
    var filter: ((Int64) -> Bool)?

    static var everyNode: HNSWAdmission { HNSWAdmission(skipsDeleted: false, filter: nil) }
}
