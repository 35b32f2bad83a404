#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import IIAApp
import Synchronization

/// A cancellation flag shared between the main thread and one piece of background work.
final class CancellationFlag: Sendable {
    private let cancelled = Atomic<Bool>(false)

    func cancel() { cancelled.store(true, ordering: .releasing) }
    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }
}

/// Reports from worker threads, waiting to be delivered on the main thread, plus a self-pipe
/// whose read end the run loop polls: every report writes one byte to wake it.
final class WorkReportQueue<Message: Sendable>: Sendable {
    struct Report: Sendable {
        var flag: CancellationFlag
        var message: Message
    }

    private let pending = Mutex<[Report]>([])
    /// Read end: polled and drained by the main thread.
    let wakeReadDescriptor: Int32
    private let wakeWriteDescriptor: Int32

    init() {
        var descriptors: [Int32] = [-1, -1]
        if pipe(&descriptors) != 0 { descriptors = [-1, -1] }
        for descriptor in descriptors where descriptor >= 0 {
            // Non-blocking: a full pipe must never stall a worker (the main loop is awake anyway).
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        wakeReadDescriptor = descriptors[0]
        wakeWriteDescriptor = descriptors[1]
    }

    deinit {
        if wakeReadDescriptor >= 0 { close(wakeReadDescriptor) }
        if wakeWriteDescriptor >= 0 { close(wakeWriteDescriptor) }
    }

    /// Called on a worker thread.
    func push(_ report: Report) {
        pending.withLock { $0.append(report) }
        var byte: UInt8 = 1
        _ = write(wakeWriteDescriptor, &byte, 1)
    }

    /// Called on the main thread after the pipe became readable: empties the pipe and the queue.
    func takeAll() -> [Report] {
        var scratch = [UInt8](repeating: 0, count: 256)
        while read(wakeReadDescriptor, &scratch, scratch.count) > 0 {}
        return pending.withLock { reports in
            defer { reports.removeAll(keepingCapacity: true) }
            return reports
        }
    }
}

/// Runs at most one ``BackgroundWork`` at a time on a worker thread; starting new work
/// cancels the running one. Owned by the main thread.
final class BackgroundWorker<Message: Sendable> {
    let reports = WorkReportQueue<Message>()
    private var current: CancellationFlag?

    /// Cancels any running work and starts `work` on a new thread.
    func start(_ work: BackgroundWork<Message>) {
        cancel()
        let flag = CancellationFlag()
        current = flag
        let queue = reports
        let thread = Thread {
            // Terminal signals are handled on the main thread, where curses runs.
            JobControl.blockAsynchronousSignalsInThisThread()
            work.run(
                { flag.isCancelled },
                { message in
                    guard !flag.isCancelled else { return }
                    queue.push(.init(flag: flag, message: message))
                })
        }
        thread.name = "iia-background-work"
        thread.start()
    }

    /// Asks the running work, if any, to stop; it stops at its next `isCancelled` check.
    func cancel() {
        current?.cancel()
        current = nil
    }

    /// The reports that arrived, minus those of work cancelled since they were made.
    func takeReports() -> [Message] {
        reports.takeAll().filter { !$0.flag.isCancelled }.map(\.message)
    }
}
