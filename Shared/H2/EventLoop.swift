import CNGHTTP2
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Something registered with an event loop for readiness events on one file descriptor.
/// Called only on that loop's thread.
protocol EventSource: AnyObject {
    func handleEvents(_ events: UInt32)
}

/// epoll readiness bits, spelled once.
enum Readiness {
    static let readable = EPOLLIN.rawValue
    static let writable = EPOLLOUT.rawValue
    static let hangup = EPOLLHUP.rawValue | EPOLLERR.rawValue
    static let exclusive = EPOLLEXCLUSIVE.rawValue
}

/// Monotonic nanoseconds, for timers and timeouts on the loop.
func monotonicNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

extension Duration {
    /// Whole nanoseconds, saturating at zero.
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        if seconds < 0 || (seconds == 0 && attoseconds <= 0) { return 0 }
        // Saturate: a century is as good as forever for a timer.
        if seconds >= 3_153_600_000 { return 3_153_600_000 * 1_000_000_000 }
        return UInt64(seconds) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
    }
}

/// One thread running epoll. Connections, sessions and timers registered with a loop are
/// touched only on its thread; other threads reach it through `execute`, which queues a closure
/// and wakes the loop through an eventfd. That is why the class is `@unchecked Sendable`: every
/// member but `execute`, `schedule` and `stop` is loop-confined by discipline.
package final class EventLoop: @unchecked Sendable {
    private let epollFD: Int32
    let wakeFD: Int32
    private let queue = Mutex(Queue())
    private var sources: [Int32: EventSource] = [:]
    private var timers = TimerHeap()
    private var afterIteration: [() -> Void] = []
    /// Jobs of tasks that prefer this loop, enqueued from the loop itself: no lock, no wake-up.
    private var localJobs: [UnownedJob] = []
    // Swapped with the lists above while they run, so neither is reallocated per iteration
    // (copying one out and emptying it in place made a new buffer every time).
    private var runningActions: [() -> Void] = []
    private var runningJobs: [UnownedJob] = []
    private var stopped = false
    /// The loop thread's pthread_t (0 until it starts), read on every `inLoop`.
    private let threadID = Atomic<UInt>(0)
    /// Loop-confined objects keyed by an id, so that work coming back from other threads can
    /// find its connection, or learn that it has gone, without holding a reference to it.
    private var objects: [UInt64: AnyObject] = [:]
    private let exited = Mutex<Bool>(false)
    /// Scratch read buffer shared by the loop's connections (one read at a time per thread).
    let readBuffer: UnsafeMutableRawBufferPointer
    /// A name for logs and the thread.
    package let name: String

    init(name: String) throws {
        self.name = name
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epollFD >= 0 else { throw SocketError(call: "epoll_create1", code: errno) }
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        guard wakeFD >= 0 else {
            let code = errno
            Descriptor.close(epollFD)
            throw SocketError(call: "eventfd", code: code)
        }
        readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        var event = epoll_event()
        event.events = Readiness.readable
        event.data.fd = wakeFD
        epoll_ctl(epollFD, EPOLL_CTL_ADD, wakeFD, &event)
        // Named from inside: on Linux, Foundation does not apply a name set before `start()`.
        let thread = Thread { [self] in
            Thread.nameCurrent(self.name)
            self.run()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    deinit {
        readBuffer.deallocate()
    }

    /// True when called on this loop's thread.
    package var inLoop: Bool {
        threadID.load(ordering: .acquiring) == UInt(pthread_self())
    }

    /// Runs `work` on the loop thread (later, even when called from it).
    package func execute(_ work: @escaping @Sendable () -> Void) {
        queue.withLock { queue in
            // Once the loop has exited its eventfd is closed and its number may be another
            // file's (a SQLite database): writing there would corrupt it. The work could never
            // run anyway.
            guard !queue.closed else { return }
            queue.pending.append(work)
            // Under the lock, so the loop cannot close the eventfd between the check and the write.
            if queue.pending.count == 1 { wake() }
        }
    }

    private func wake() {
        var one: UInt64 = 1
        _ = Glibc.write(wakeFD, &one, 8)
    }

    /// Work queued from other threads, and whether the loop has exited (its eventfd closed).
    private struct Queue {
        var pending: [@Sendable () -> Void] = []
        var closed = false
    }

    /// True once the loop thread has finished and closed its descriptors.
    var hasExited: Bool { exited.withLock { $0 } }

    /// Stops the loop thread after the work queued so far.
    package func stop() {
        execute { [self] in stopped = true }
    }

    // MARK: loop-confined API

    // Each of these touches state only the loop thread may touch (the reason the class can be
    // `@unchecked Sendable`). A debug build checks the caller; `assert` is compiled out of
    // release builds, so the hot path pays nothing there.
    private func assertInLoop(_ function: StaticString = #function) {
        assert(inLoop, "EventLoop.\(function) called off the thread of loop \(name)")
    }

    func register(_ fd: Int32, _ source: EventSource, events: UInt32) {
        assertInLoop()
        sources[fd] = source
        var event = epoll_event()
        event.events = events
        event.data.fd = fd
        epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event)
    }

    func modify(_ fd: Int32, events: UInt32) {
        assertInLoop()
        var event = epoll_event()
        event.events = events
        event.data.fd = fd
        epoll_ctl(epollFD, EPOLL_CTL_MOD, fd, &event)
    }

    func deregister(_ fd: Int32) {
        assertInLoop()
        sources[fd] = nil
        epoll_ctl(epollFD, EPOLL_CTL_DEL, fd, nil)
    }

    /// Runs `action` once at the end of the current loop iteration (used to batch flushes).
    func runAfterIteration(_ action: @escaping () -> Void) {
        assertInLoop()
        afterIteration.append(action)
    }

    /// Runs `action` on the loop after `delay`; returns an id for `cancelTimer`.
    @discardableResult
    func scheduleTimer(after delay: Duration, _ action: @escaping () -> Void) -> UInt64 {
        assertInLoop()
        let (sum, overflow) = monotonicNanos().addingReportingOverflow(delay.nanoseconds)
        return timers.insert(deadline: overflow ? UInt64.max : sum, action: action)
    }

    func cancelTimer(_ id: UInt64) {
        assertInLoop()
        timers.cancel(id)
    }

    func attach(_ object: AnyObject, id: UInt64) {
        assertInLoop()
        objects[id] = object
    }

    func detach(id: UInt64) {
        assertInLoop()
        objects[id] = nil
    }

    func object(id: UInt64) -> AnyObject? {
        assertInLoop()
        return objects[id]
    }

    // MARK: the loop

    private func run() {
        threadID.store(UInt(pthread_self()), ordering: .releasing)
        let capacity = 256
        let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: capacity)
        defer { events.deallocate() }
        while !stopped {
            let timeout = nextTimeoutMillis()
            let n = epoll_wait(epollFD, events, Int32(capacity), timeout)
            if n > 0 {
                for i in 0..<Int(n) {
                    let fd = events[i].data.fd
                    if fd == wakeFD {
                        var value: UInt64 = 0
                        _ = Glibc.read(wakeFD, &value, 8)
                    } else if let source = sources[fd] {
                        source.handleEvents(events[i].events)
                    }
                }
            }
            runQueued()
            runLocalJobs()
            let now = monotonicNanos()
            // Popped one at a time: a timer's action may schedule another.
            while let action = timers.popDue(now: now) { action() }
            runAfterIterationActions()
        }
        let dropped = queue.withLock { queue -> [@Sendable () -> Void] in
            queue.closed = true
            Descriptor.close(wakeFD)
            defer { queue.pending = [] }
            return queue.pending
        }
        // Released here, outside the lock: a closure's captures may call `execute` from their
        // deinit (a client's does), which under the lock would deadlock.
        _ = consume dropped
        Descriptor.close(epollFD)
        exited.withLock { $0 = true }
    }

    private func runQueued() {
        let work = queue.withLock { queue -> [@Sendable () -> Void] in
            let taken = queue.pending
            queue.pending.removeAll(keepingCapacity: true)
            return taken
        }
        for item in work { item() }
    }

    private func runLocalJobs() {
        while !localJobs.isEmpty {
            swap(&localJobs, &runningJobs)
            for job in runningJobs { job.runSynchronously(on: asUnownedTaskExecutor()) }
            runningJobs.removeAll(keepingCapacity: true)
        }
    }

    fileprivate func enqueueLocal(_ job: UnownedJob) {
        assertInLoop()
        localJobs.append(job)
    }

    private func runAfterIterationActions() {
        while !afterIteration.isEmpty {
            swap(&afterIteration, &runningActions)
            for action in runningActions { action() }
            runningActions.removeAll(keepingCapacity: true)
        }
    }

    private func nextTimeoutMillis() -> Int32 {
        if queue.withLock({ !$0.pending.isEmpty }) || !afterIteration.isEmpty || !localJobs.isEmpty { return 0 }
        guard let next = timers.nextDeadline else { return 1000 }
        let now = monotonicNanos()
        if next <= now { return 0 }
        return Int32(min(1000, (next - now) / 1_000_000 + 1))
    }
}

/// A loop is also an executor: tasks that prefer it run their jobs on the loop thread, between
/// I/O events, like any other queued work.
extension EventLoop: TaskExecutor {
    package func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        if inLoop {
            enqueueLocal(job)
        } else {
            execute { [self] in job.runSynchronously(on: asUnownedTaskExecutor()) }
        }
    }
}

/// A group of loops; connections are spread over them.
package final class EventLoopGroup: Sendable {
    /// The loops, one thread each.
    package let loops: [EventLoop]
    private let cursor = Atomic<Int>(0)

    /// Starts `count` loop threads.
    package init(loopCount count: Int, name: String = "h2-loop") throws {
        loops = try (0..<max(1, count)).map { try EventLoop(name: "\(name)-\($0)") }
    }

    /// The next loop, round robin.
    package func next() -> EventLoop {
        let index = cursor.add(1, ordering: .relaxed).oldValue
        return loops[index % loops.count]
    }

    /// Stops every loop thread.
    package func shutdown() {
        for loop in loops { loop.stop() }
    }

    /// One loop shared by the clients of a process that bring no group of their own.
    package static let sharedClientGroup: EventLoopGroup = {
        do { return try EventLoopGroup(loopCount: 1, name: "h2-client") } catch {
            fatalError("cannot start the HTTP/2 client event loop: \(error)")
        }
    }()
}

/// A min-heap of timers on monotonic nanoseconds; cancelled ids are skipped when due.
struct TimerHeap {
    private struct Entry {
        var deadline: UInt64
        var id: UInt64
        var action: () -> Void
    }
    private var heap: [Entry] = []
    private var cancelled = Set<UInt64>()
    private var lastID: UInt64 = 0

    var nextDeadline: UInt64? { heap.first?.deadline }

    mutating func insert(deadline: UInt64, action: @escaping () -> Void) -> UInt64 {
        lastID += 1
        heap.append(Entry(deadline: deadline, id: lastID, action: action))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if heap[parent].deadline <= heap[child].deadline { break }
            heap.swapAt(parent, child)
            child = parent
        }
        return lastID
    }

    mutating func cancel(_ id: UInt64) {
        // The entry stays in the heap until due, but lets go of what its closure captured
        // (a call with its request and response bodies).
        guard let index = heap.firstIndex(where: { $0.id == id }) else { return }
        heap[index].action = {}
        cancelled.insert(id)
    }

    mutating func popDue(now: UInt64) -> (() -> Void)? {
        while let first = heap.first, first.deadline <= now {
            let entry = popFirst()
            if cancelled.remove(entry.id) != nil { continue }
            return entry.action
        }
        return nil
    }

    private mutating func popFirst() -> Entry {
        let first = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < heap.count && heap[left].deadline < heap[smallest].deadline { smallest = left }
                if right < heap.count && heap[right].deadline < heap[smallest].deadline { smallest = right }
                if smallest == parent { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first
    }
}
