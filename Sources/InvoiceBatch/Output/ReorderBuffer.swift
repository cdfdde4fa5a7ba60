/// Puts values that arrive in any order back into row order: holds each value until every earlier row has
/// arrived, then hands out the contiguous run.
///
/// Rows finish in completion order (a slow invoice, a retry, an invoice's queue behind another row), but the results
/// and failures files are in input order. The buffer holds only rows that finished ahead of the oldest unfinished
/// one; it does not bound itself — the scheduler must, by not starting rows further ahead than its window, using
/// `lookAhead` (or `count`) — so one stuck row cannot make memory grow without limit.
///
/// Storage is a ring of slots indexed by row, grown (doubled) only when a row arrives further ahead than it can
/// hold: insert and pop are O(1) without hashing, and the ring's size follows the window the caller allows.
public struct ReorderBuffer<Value> {
    /// The row the next value handed out must have.
    public private(set) var nextRow: Int
    /// How many values are held.
    public private(set) var count = 0
    /// The highest row held, or `nextRow - 1` when empty.
    public private(set) var highestRow: Int
    private var slots: [Value?]

    /// - Parameters:
    ///   - firstRow: the first row expected (1, or the row after a resumed run's checkpoint).
    ///   - initialCapacity: slots to start with; grows as needed.
    public init(firstRow: Int = 1, initialCapacity: Int = 64) {
        nextRow = firstRow
        highestRow = firstRow - 1
        var capacity = 1
        while capacity < max(initialCapacity, 1) { capacity <<= 1 }
        slots = Array(repeating: nil, count: capacity)
    }

    /// The span from the next expected row to the highest held: how far ahead of the oldest unfinished row work
    /// has gone (0 when empty). Bound this to bound memory.
    public var lookAhead: Int { highestRow - nextRow + 1 }

    public var isEmpty: Bool { count == 0 }

    /// Whether the next expected row has arrived, so `popNext()` returns a value.
    public var hasReady: Bool { slots[nextRow & (slots.count - 1)] != nil }

    /// Holds `value` for `row`.
    /// - Returns: false, and holds nothing, when `row` was already handed out or is already held (a duplicate
    ///   finish is a bug upstream; the first value is kept so a row is never reported twice).
    @discardableResult
    public mutating func insert(row: Int, _ value: Value) -> Bool {
        guard row >= nextRow else { return false }
        let offset = row - nextRow
        if offset >= slots.count { grow(toHold: offset + 1) }
        let index = row & (slots.count - 1)
        guard slots[index] == nil else { return false }
        slots[index] = value
        count += 1
        highestRow = max(highestRow, row)
        return true
    }

    /// The next value in row order, if it has arrived.
    public mutating func popNext() -> (row: Int, value: Value)? {
        let index = nextRow & (slots.count - 1)
        guard let value = slots[index] else { return nil }
        slots[index] = nil
        count -= 1
        let row = nextRow
        nextRow += 1
        if count == 0 { highestRow = nextRow - 1 }
        return (row, value)
    }

    /// Every value ready in row order (the contiguous run from `nextRow`), removed from the buffer.
    public mutating func popReady() -> [(row: Int, value: Value)] {
        var ready: [(row: Int, value: Value)] = []
        while let next = popNext() { ready.append(next) }
        return ready
    }

    private mutating func grow(toHold span: Int) {
        var capacity = slots.count
        while capacity < span { capacity <<= 1 }
        var grown = [Value?](repeating: nil, count: capacity)
        var row = nextRow
        while row <= highestRow {
            grown[row & (capacity - 1)] = slots[row & (slots.count - 1)]
            row += 1
        }
        slots = grown
    }
}

extension ReorderBuffer: Sendable where Value: Sendable {}
