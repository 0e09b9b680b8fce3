import Foundation
import Synchronization

/// Signals noticed by the handlers, read by the input loop.
///
/// A handler may do almost nothing safely, so it only sets a bit; `read` then fails with EINTR
/// (the handlers are installed without `SA_RESTART`) and the loop looks at the bits.
enum SignalFlags {
    static let pending = Atomic<UInt32>(0)

    static let resize: UInt32 = 1
    static let terminate: UInt32 = 2

    /// Installs the handlers for SIGWINCH, SIGINT, SIGTERM and SIGHUP.
    static func install() {
        set(SIGWINCH) { _ in SignalFlags.pending.bitwiseOr(SignalFlags.resize, ordering: .relaxed) }
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            set(signal) { _ in SignalFlags.pending.bitwiseOr(SignalFlags.terminate, ordering: .relaxed) }
        }
        // Writing to a closed terminal must not kill us before the terminal is restored.
        Foundation.signal(SIGPIPE, SIG_IGN)
    }

    /// Puts the default handlers back.
    static func uninstall() {
        for signal in [SIGWINCH, SIGINT, SIGTERM, SIGHUP] { Foundation.signal(signal, SIG_DFL) }
    }

    /// Takes and clears the pending bits.
    static func take() -> UInt32 { pending.exchange(0, ordering: .relaxed) }

    private static func set(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signal, &action, nil)
    }
}
