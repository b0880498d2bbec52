import Testing
@testable import GazetteBatch

/// `--timeout` and `--max-memory`: when a file breaks them, and what its
/// report entry then says.
@Suite("Worker limits")
struct WorkerLimitsTests {
    @Test func aFileTimesOutOnlyPastTheTimeout() throws {
        let limits = WorkerLimits(timeout: 300, maxMemory: nil)
        #expect(limits.timeBreach(elapsed: 299.9) == nil)
        #expect(limits.timeBreach(elapsed: 300) == nil)
        let breach = try #require(limits.timeBreach(elapsed: 300.01))
        #expect(breach.code == .timedOut)
        #expect(breach.reason == "took longer than 300 s (--timeout); the worker was killed")
    }

    @Test func noTimeoutNeverTimesOut() {
        #expect(WorkerLimits(timeout: nil, maxMemory: nil).timeBreach(elapsed: 1e9) == nil)
    }

    @Test func fractionalTimeoutsAreWrittenAsGiven() {
        #expect(WorkerLimits.seconds(2.5) == "2.5 s")
        #expect(WorkerLimits.seconds(600) == "600 s")
        #expect(WorkerLimits(timeout: 0.25, maxMemory: nil).timeBreach(elapsed: 1)?.reason
            == "took longer than 0.25 s (--timeout); the worker was killed")
    }

    @Test func memoryIsReadAtMostTenTimesASecond() {
        let limits = WorkerLimits(timeout: nil, maxMemory: 2 << 30)
        #expect(!limits.memoryCheckDue(sinceLastCheck: 0.05))
        #expect(limits.memoryCheckDue(sinceLastCheck: 0.1))
        #expect(limits.memoryCheckDue(sinceLastCheck: 3))
        // Without a limit there is nothing to read.
        #expect(!WorkerLimits(timeout: 300, maxMemory: nil).memoryCheckDue(sinceLastCheck: 3))
    }

    @Test func aWorkerOverItsMemoryLimitBreaksIt() throws {
        let limits = WorkerLimits(timeout: nil, maxMemory: 2 << 30)
        #expect(limits.memoryBreach(resident: 2 << 30) == nil)
        #expect(limits.memoryBreach(resident: 40 << 20) == nil)
        #expect(limits.memoryBreach(resident: nil) == nil)  // /proc could not be read
        let breach = try #require(limits.memoryBreach(resident: 3 << 30))
        #expect(breach.code == .memoryLimit)
        #expect(breach.reason == "used 3 GiB of memory, over --max-memory 2 GiB; the worker was killed")
        #expect(WorkerLimits(timeout: nil, maxMemory: nil).memoryBreach(resident: 1 << 40) == nil)
    }
}
