import Foundation
import HubStore
import Testing

@testable import SyncWire

/// A national hub takes a roll-up only as its province signed it.
@Suite("roll-up signatures")
struct RollupSignatureTests {
    static let province = NodeKey.generate()
    static let provinceId = "n-pppppppppppppppp"

    static func genuine() throws -> SignedRollup {
        try SignedRollup(
            Rollup(
                province: provinceId, period: 20_300, version: 5,
                areas: [Area(code: "P", name: "Tỉnh", level: .province)], outlines: [], latestActivity: 1,
                cohorts: [
                    .init(
                        place: "X1", course: "k", birthYear: 1960, gender: "nu", week: 20_290, enrolled: 4, started: 3,
                        completed: 2, passed: 1)
                ], hours: [], activity: [], registrations: []), key: province)
    }

    /// (what was done to it, the error kind expected or nil when it must pass)
    static let cases: [(String, SyncError.Kind?)] = [
        ("as signed", nil), ("a count raised", .badSignature), ("signed by another key", .badSignature),
        ("claims another province", .badSignature), ("signature cut", .badSignature), ("another format", .invalid),
    ]

    @Test(arguments: cases)
    func verify(_ change: String, _ expected: SyncError.Kind?) throws {
        var signed = try Self.genuine()
        switch change {
        case "a count raised": signed.rollup.cohorts[0].completed = 4
        case "signed by another key": signed = try SignedRollup(signed.rollup, key: NodeKey.generate())
        case "claims another province":
            signed.rollup.province = "n-qqqqqqqqqqqqqqqq"
            signed = try SignedRollup(signed.rollup, key: NodeKey.generate())
        case "signature cut": signed.signature = String(signed.signature.dropLast(8))
        case "another format": signed.rollup.format = "hocso-rollup-0"
        default: break
        }
        // Through the wire form, as a national hub reads it.
        let read = try SignedRollup.decode(try signed.encoded(), what: "test")
        do {
            let rollup = try read.verified(province: Self.provinceId, publicKey: Self.province.publicKey)
            #expect(expected == nil, "\(change) was accepted")
            #expect(rollup.cohorts.first?.completed == 2)
        } catch let error as SyncError {
            #expect(error.kind == expected, "\(change): \(error.phrase.en)")
        }
    }
}
