extension Array where Element: Equatable {
    /// The array without elements equal to the one before them: on a sorted array, each value once.
    func removingAdjacentDuplicates() -> [Element] {
        var result: [Element] = []
        result.reserveCapacity(count)
        for element in self where result.last != element {
            result.append(element)
        }
        return result
    }
}
