import Foundation
import Testing
@testable import GazetteBatch

/// Why the inputs a run did not get to stay pending.
@Suite("Stopping a run")
struct StopReasonTests {
    @Test func theFatalErrorComesFirst() {
        #expect(BatchRunner.stopReason(fatal: "the worker cannot start: it exited with status 1", signal: SIGTERM, stoppedEarly: true)
            == "not finished: the worker cannot start: it exited with status 1")
    }

    @Test func thenTheSignalThenFailFast() {
        #expect(BatchRunner.stopReason(fatal: nil, signal: SIGTERM, stoppedEarly: true)
            == "not finished: the run was stopped by SIGTERM")
        #expect(BatchRunner.stopReason(fatal: nil, signal: SIGHUP, stoppedEarly: false)
            == "not finished: the run was stopped by SIGHUP")
        #expect(BatchRunner.stopReason(fatal: nil, signal: 0, stoppedEarly: true)
            == "not finished: --fail-fast stopped the run at the first failure")
    }

    @Test func aRunThatWentToItsEndHasNoReason() {
        #expect(BatchRunner.stopReason(fatal: nil, signal: 0, stoppedEarly: false) == nil)
    }
}
