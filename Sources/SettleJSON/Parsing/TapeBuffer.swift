/// A growable buffer of plain values that the parser fills and the ``JSONTape`` then owns
/// without a copy. An array here cost a uniqueness check on every append and a copy of every
/// node into the tape (both showed in the validate route's profile).
struct TapeBuffer<Element: BitwiseCopyable>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    mutating func append(_ element: Element) {
        if count == capacity { grow(to: capacity * 2) }
        (base + count).initialize(to: element)
        count += 1
    }

    mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
        if count + elements.count > capacity { grow(to: max(capacity * 2, count + elements.count)) }
        if let source = elements.baseAddress { (base + count).initialize(from: source, count: elements.count) }
        count += elements.count
    }

    /// Moves the elements from `start` on to the end of `other`, and forgets them here.
    mutating func move(from start: Int, to other: inout TapeBuffer<Element>) {
        other.append(contentsOf: UnsafeBufferPointer(start: base + start, count: count - start))
        count = start
    }

    subscript(index: Int) -> Element {
        get {
            precondition(index >= 0 && index < count, "tape index out of range")
            return base[index]
        }
        set {
            precondition(index >= 0 && index < count, "tape index out of range")
            base[index] = newValue
        }
    }

    /// Hands the elements to their new owner, who frees them with `deallocate()`.
    consuming func take() -> UnsafeBufferPointer<Element> {
        let elements = UnsafeBufferPointer(start: base, count: count)
        discard self
        return elements
    }

    private mutating func grow(to newCapacity: Int) {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        larger.initialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = newCapacity
    }
}
