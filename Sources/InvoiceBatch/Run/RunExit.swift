/// The exit status of `run`, as scripts read it.
public enum RunExit: Int32, Sendable {
    /// Every row succeeded.
    case succeeded = 0
    /// Some rows failed, were skipped or were invalid (with `--skip-invalid`).
    case someRowsDidNotSucceed = 1
    /// A usage error or invalid input: nothing was sent.
    case invalidInput = 2
    /// Stopped by Ctrl-C (or a signal) before the end: the run directory is resumable.
    case aborted = 3
}
