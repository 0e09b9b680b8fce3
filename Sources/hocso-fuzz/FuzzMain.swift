import Foundation

#if FUZZING
    import CFuzzer
#endif

/// `hocso-fuzz`: libFuzzer targets over every reader of untrusted bytes in HocSo.
///
/// Built by `tools/fuzz` with `-sanitize=fuzzer -DFUZZING`, it is a libFuzzer binary: the target
/// is named by `HOCSO_FUZZ_TARGET` and every libFuzzer option applies. Built plainly (a debug
/// build), it replays saved inputs, so a crash found by the fuzzer can be rerun under a debugger:
/// `hocso-fuzz TARGET FILE…` (a folder stands for every file in it).
@main
enum FuzzMain {
    static func main() {
        #if FUZZING
            let name = ProcessInfo.processInfo.environment["HOCSO_FUZZ_TARGET"] ?? ""
            guard let target = FuzzTargets.make(name) else { usage(exitCode: 64) }
            FuzzSession.target = target
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            let status = LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput)
            FuzzScratch.removeAll()
            exit(status)
        #else
            var arguments = Array(CommandLine.arguments.dropFirst())
            var name = ProcessInfo.processInfo.environment["HOCSO_FUZZ_TARGET"]
            if name == nil, let first = arguments.first, FuzzTargets.names.contains(first) {
                name = first
                arguments.removeFirst()
            }
            guard let name, let target = FuzzTargets.make(name), !arguments.isEmpty else { usage(exitCode: 64) }
            replay(arguments, through: target)
            FuzzScratch.removeAll()
        #endif
    }

    /// Runs every file named (or held by a named folder) through `target`, saying which it is on
    /// before it starts, so the last line before a crash names the input that caused it.
    static func replay(_ paths: [String], through target: any FuzzTarget) {
        var files: [URL] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            if let names = try? FileManager.default.contentsOfDirectory(atPath: path) {
                files += names.sorted().map { url.appendingPathComponent($0) }
            } else {
                files.append(url)
            }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                FileHandle.standardError.write(Data("hocso-fuzz: cannot read \(file.path)\n".utf8))
                exit(1)
            }
            FileHandle.standardError.write(Data("hocso-fuzz: \(file.path) (\(data.count) bytes)\n".utf8))
            target.run(data)
        }
        print("hocso-fuzz: \(files.count) inputs replayed through \(target.name), no crash")
    }

    static func usage(exitCode: Int32) -> Never {
        let names = FuzzTargets.names.joined(separator: ", ")
        #if FUZZING
            let text = "usage: HOCSO_FUZZ_TARGET=NAME hocso-fuzz [libFuzzer options] [CORPUS…]\ntargets: \(names)\n"
        #else
            let text = "usage: hocso-fuzz TARGET FILE|FOLDER…  (or HOCSO_FUZZ_TARGET=TARGET)\ntargets: \(names)\n"
        #endif
        FileHandle.standardError.write(Data(text.utf8))
        exit(exitCode)
    }
}

#if FUZZING
    /// libFuzzer's entry point: one input through the selected target.
    @_cdecl("LLVMFuzzerTestOneInput")
    func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
        FuzzSession.target?.run(bytes)
        return 0
    }

    /// The target libFuzzer's callback runs; set once in `main` before fuzzing starts.
    enum FuzzSession {
        nonisolated(unsafe) static var target: (any FuzzTarget)?
    }
#endif
