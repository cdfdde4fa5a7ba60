#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The wall clock, for the one thing that needs it: an HTTP-date in `Retry-After`. Durations use
/// `ContinuousClock`, which a clock adjustment cannot move.
enum WallClock {
    static var secondsSince1970: Double { Date().timeIntervalSince1970 }
}
