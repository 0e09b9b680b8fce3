import CourseModel
import Foundation

/// The course's register of facts: each fact's definition joined with its later mentions.
extension CompilationRun {
    /// The facts of the course, in the order their definitions appear; reports a fact defined
    /// twice, a mention of a fact never defined, and a fact past its age limit.
    func register(
        _ mentions: [(mention: LessonCompiler.FactMention, reporter: Int)], reporters: inout [Reporter],
        defaultMaxAge: Int
    ) -> [Fact] {
        var facts: [Fact] = []
        var index: [String: Int] = [:]
        var firstPlace: [String: String] = [:]
        for (mention, reporter) in mentions {
            guard let definition = mention.definition else { continue }
            if let first = firstPlace[mention.id] {
                reporters[reporter].error(
                    CompilerText.duplicateFact(mention.id), at: mention.idPosition,
                    hint: CompilerText.duplicateFactHint(first), facts: true)
                continue
            }
            firstPlace[mention.id] = CompilerText.location(reporters[reporter].file, mention.idPosition)
            index[mention.id] = facts.count
            let fact = Fact(
                id: mention.id, sources: definition.sources, checked: definition.checked,
                maxAgeMonths: definition.maxAgeMonths ?? defaultMaxAge, places: [mention.place])
            if fact.isOverdue(on: today) {
                reporters[reporter].warning(
                    CompilerText.overdueFact(fact.id, fact.checked, fact.maxAgeMonths), at: mention.idPosition,
                    hint: CompilerText.overdueFactHint, facts: true)
            }
            facts.append(fact)
        }
        // Ids that lack a definition because it was broken are reported there, not at every mention.
        let attempted = Set(mentions.filter { $0.mention.failed }.map(\.mention.id))
        for (mention, reporter) in mentions where mention.definition == nil && !mention.failed {
            if let at = index[mention.id] {
                facts[at].places.append(mention.place)
            } else if !attempted.contains(mention.id) {
                reporters[reporter].error(
                    CompilerText.unknownFact(mention.id), at: mention.idPosition,
                    hint: Spelling.nearest(to: mention.id, in: facts.map(\.id)).map(CompilerText.didYouMean)
                        ?? CompilerText.unknownFactHint, facts: true)
            }
        }
        return facts
    }
}
