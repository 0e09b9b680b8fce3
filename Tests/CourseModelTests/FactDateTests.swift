import CourseModel
import Testing

/// Calendar days of the facts register: exact ISO dates, month arithmetic, ages.
@Suite struct FactDateTests {
    static func day(_ text: String) -> FactDate { FactDate(iso: text)! }

    @Test(arguments: ["2026-12-03", "2024-02-29", "0001-01-01"])
    func readsRealDates(_ text: String) {
        #expect(FactDate(iso: text)?.description == text)
    }

    @Test(arguments: ["2026-2-3", "2025-02-29", "2026-13-01", "03/12/2026", "2026-12-03T10:00", "", "２０２６-12-03"])
    func refusesAnythingElse(_ text: String) {
        #expect(FactDate(iso: text) == nil)
    }

    @Test func addingMonthsKeepsTheDayOrTheMonthsLast() {
        #expect(Self.day("2026-12-03").adding(months: 12) == Self.day("2027-12-03"))
        #expect(Self.day("2026-01-31").adding(months: 1) == Self.day("2026-02-28"))
        #expect(Self.day("2024-01-31").adding(months: 1) == Self.day("2024-02-29"))
        #expect(Self.day("2026-08-31").adding(months: 6) == Self.day("2027-02-28"))
    }

    @Test func agesInMonthsAndDays() {
        #expect(Self.day("2026-01-15").months(until: Self.day("2026-12-03")) == 10)
        #expect(Self.day("2026-01-31").months(until: Self.day("2026-02-28")) == 1)
        #expect(Self.day("2026-12-03").months(until: Self.day("2026-01-01")) == 0)
        #expect(Self.day("2026-12-03").days(until: Self.day("2027-12-03")) == 365)
        #expect(Self.day("2024-02-28").days(until: Self.day("2024-03-01")) == 2)
    }

    @Test func aFactIsDueOnItsLastDayAndOverdueTheNext() {
        let fact = Fact(
            id: "tong-dai-156", sources: ["https://thongbaorac.ais.gov.vn"], checked: Self.day("2025-12-03"),
            maxAgeMonths: 12, places: [])
        #expect(fact.due == Self.day("2026-12-03"))
        #expect(!fact.isOverdue(on: Self.day("2026-12-03")))
        #expect(fact.isOverdue(on: Self.day("2026-12-04")))
        #expect(fact.isOlder(thanMonths: 6, on: Self.day("2026-06-04")))
    }
}
