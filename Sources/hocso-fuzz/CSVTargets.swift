import Foundation
import Localization
import ProgressStore
import Reports

/// `learners-csv`: a learner list as `hocso center learners import` reads it, checked row by row
/// (not stored: storing hashes each PIN, hundreds of milliseconds on purpose). A row accepted
/// must hold nothing that could reach a terminal raw.
final class LearnersCSVTarget: FuzzTarget {
    let name = "learners-csv"

    func run(_ input: Data) {
        do {
            let list = try LearnerList.read(csv: input, currentYear: 2026)
            for problem in list.problems { FuzzCheck.phrase(problem.phrase, name) }
            for row in list.rows {
                let learner = row.learner
                for text in [learner.code ?? "", learner.displayName, learner.commune, learner.pin ?? ""]
                where ControlCharacters.found(in: text) {
                    FuzzCheck.fail(name, "line \(row.line) accepted with a control character")
                }
            }
        } catch {
            FuzzCheck.worded(error, name)
        }
    }
}

/// `areas-csv`: an area list as `hocso-hub areas import` reads it (UTF-8 text, else refused by
/// the command), imported into a scratch hub.
final class AreasCSVTarget: FuzzTarget {
    let name = "areas-csv"
    let hub = FuzzHub(name: "areas-hub")

    func run(_ input: Data) {
        guard let text = String(data: input, encoding: .utf8) else { return }
        do {
            let result = try AreaImport.run(csv: text, into: hub.store)
            if result.added < 0 || result.updated < 0 || result.unchanged < 0 {
                FuzzCheck.fail(name, "negative counts \(result)")
            }
        } catch let error as ReportError {
            FuzzCheck.phrase(error.phrase, name)
            for detail in error.details { FuzzCheck.phrase(detail, name) }
        } catch {
            FuzzCheck.worded(error, name)
        }
    }
}
