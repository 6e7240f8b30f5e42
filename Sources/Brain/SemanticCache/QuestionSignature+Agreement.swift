extension QuestionSignature {
    /// Why an answer cached for `entry` cannot answer this question, or nil when the two agree:
    /// the same identifiers, the same numbers, the same negation, the same actions, the same
    /// attributes, compatible forms (a yes/no question never takes a "which" answer), and content words that are not the same but for one swapped word. Personal markers are not compared (a personal question is refused before).
    ///
    /// ```swift
    /// QuestionSignature("How do I renew my subscription?")
    ///     .disagreement(with: QuestionSignature("How do I cancel my subscription?"))
    /// // .actionDiffers(question: ["renew"], entry: ["cancel"])
    /// ```
    public func disagreement(with entry: QuestionSignature) -> CacheMissReason? {
        if identifiers != entry.identifiers {
            return .identifiersDiffer(question: identifiers.subtracting(entry.identifiers).sorted(),
                                      entry: entry.identifiers.subtracting(identifiers).sorted())
        }
        if numbers != entry.numbers {
            return .numbersDiffer(question: numbers.subtracting(entry.numbers).sorted(),
                                  entry: entry.numbers.subtracting(numbers).sorted())
        }
        if isNegated != entry.isNegated {
            return .negationDiffers(questionNegated: isNegated)
        }
        if actions != entry.actions {
            return .actionDiffers(question: actions.subtracting(entry.actions).sorted(),
                                  entry: entry.actions.subtracting(actions).sorted())
        }
        if attributes != entry.attributes {
            return .attributeDiffers(question: attributes.subtracting(entry.attributes).sorted(),
                                     entry: entry.attributes.subtracting(attributes).sorted())
        }
        if let mine = form, let theirs = entry.form, !mine.isCompatible(with: theirs) {
            return .formDiffers(question: mine, entry: theirs)
        }
        if let swap = ContentWords.substitution(contentWords, entry.contentWords) {
            return .wordDiffers(question: swap.question, entry: swap.entry)
        }
        return nil
    }
}
