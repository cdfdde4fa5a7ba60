import Testing

/// Every end-to-end suite, run one test at a time: each test blocks a thread while the built binary runs, and
/// the test process's cooperative thread pool has one thread per core — two here. Serialising them leaves the
/// other thread to the rest of the package's tests, whose timing assertions would otherwise starve.
@Suite(.serialized) enum EndToEnd {}
