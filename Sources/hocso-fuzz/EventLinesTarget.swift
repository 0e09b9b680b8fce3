import Foundation
import LearnerEvents
import SyncWire

/// `event-lines`: the input as the lines of a bundle's events file. `EventLines` reads each line
/// directly from the bytes and leaves the rest to `JSONDecoder`; whatever the direct reader reads
/// must be the event `JSONDecoder` reads, and a line it reads must not be one `JSONDecoder` refuses.
final class EventLinesTarget: FuzzTarget {
    let name = "event-lines"

    func run(_ input: Data) {
        for line in input.split(separator: 0x0A) {
            let plain = try? JSONDecoder().decode(Event.self, from: Data(line))
            guard let direct = line.withUnsafeBytes({ EventLines.directEvent($0.bindMemory(to: UInt8.self)) }) else {
                continue
            }
            guard let plain else { FuzzCheck.fail(name, "the direct reader accepted a line JSONDecoder refuses") }
            if direct != plain || direct.occurrence.payload.json != plain.occurrence.payload.json {
                FuzzCheck.fail(name, "the direct reader read a different event")
            }
        }
        _ = try? EventLines.decode(input)
    }
}
