import Foundation
import LearnerEvents
import Testing

@testable import ProvinceSeed

/// The benchmark's national data: `--scale nation` and `--active`.
@Suite struct NationSeedTests {
    @Test func theNationScaleHas34ProvincesAndAbout3300CommunesStraightUnderThem() {
        let seeder = ProvinceSeeder(courses: [HubFixture.course], seed: 1, learners: 1, scale: .nation)
        var rng = SeedRandom.derived(1, 1)
        let map = seeder.makeMap(&rng)
        let provinces = map.areas.filter { $0.level == .province }
        let communes = map.areas.filter { $0.level == .commune }
        #expect(provinces.count == 34)
        #expect(map.areas.allSatisfy { $0.level != .district })
        #expect((3_162...3_434).contains(communes.count))
        #expect(Set(map.areas.map(\.code)).count == map.areas.count)
        let provinceCodes = Set(provinces.map(\.code))
        #expect(communes.allSatisfy { provinceCodes.contains($0.parentCode ?? "") })
        for province in provinces {
            let names = communes.filter { $0.parentCode == province.code }.map(\.name)
            #expect(Set(names).count == names.count, "commune names repeat in \(province.code)")
        }
        #expect(map.centres.count >= communes.count)
    }

    @Test func inactiveLearnersRegisterAndDoNothingElse() {
        let seeder = ProvinceSeeder(courses: [HubFixture.course], seed: 3, learners: 1, scale: .small)
        var rng = SeedRandom.derived(3, 1)
        let centre = seeder.makeMap(&rng).centres[0]
        let plans = seeder.courses.map { CoursePlan($0, seed: 3) }
        func events(active: Double) -> [Event] {
            var local = SeedRandom.derived(3, 2)
            return CentreSimulation(
                centre: centre, plans: plans, campaignStart: seeder.campaignStart, activeShare: active
            )
            .events(learners: 1_000, &local)
        }
        let all = events(active: 1)
        let tenth = events(active: 0.1)
        let none = events(active: 0)
        func studying(_ events: [Event]) -> Int { Set(events.filter { $0.courseId != nil }.map(\.learner)).count }
        #expect(none.count == 1_000 && none.allSatisfy { $0.kind == .learnerRegistered })
        #expect(tenth.filter { $0.kind == .learnerRegistered }.count == 1_000)
        #expect(studying(all) == 1_000)
        #expect((60...140).contains(studying(tenth)))
    }
}
