import Dispatch
import Testing

@testable import SettleHTTP

/// The connection timer is moved only when a deadline comes earlier; a later one waits for the
/// timer to fire and is then honoured in full.
@Suite struct LazyDeadlineTests {
    let start = DispatchTime(uptimeNanoseconds: 1_000_000_000)

    func at(_ seconds: Int) -> DispatchTime { start + .seconds(seconds) }

    @Test func theFirstDeadlineSetsTheTimer() {
        var deadline = LazyDeadline()
        #expect(deadline.set(at(10)) == at(10))
        #expect(deadline.timerFires == at(10))
    }

    @Test func aLaterDeadlineLeavesTheTimerAndIsRescheduledWhenItFires() {
        var deadline = LazyDeadline()
        _ = deadline.set(at(10))
        #expect(deadline.set(at(70)) == nil)
        #expect(deadline.fired(at: at(10)) == .reschedule(at(70)))
        #expect(deadline.fired(at: at(70)) == .expired)
        #expect(deadline.deadline == nil)
    }

    @Test func anEarlierDeadlineMovesTheTimer() {
        var deadline = LazyDeadline()
        _ = deadline.set(at(60))
        #expect(deadline.set(at(10)) == at(10))
        #expect(deadline.fired(at: at(10)) == .expired)
    }

    @Test func noDeadlineMeansAFiringDoesNothing() {
        var deadline = LazyDeadline()
        _ = deadline.set(at(10))
        #expect(deadline.set(nil) == nil)
        #expect(deadline.fired(at: at(10)) == .none)
        #expect(deadline.timerFires == nil)
        // The timer is no longer set, so the next deadline sets it whatever its time.
        #expect(deadline.set(at(100)) == at(100))
    }

    @Test func aBusyConnectionMovesTheTimerOncePerTimeoutNotPerRequest() {
        // A keep-alive connection answering a request every second for a minute, idle timeout 60 s.
        var deadline = LazyDeadline()
        var moves = 0
        for second in 0..<60 {
            if deadline.set(nil) != nil { moves += 1 }  // handling
            if deadline.set(at(second + 60)) != nil { moves += 1 }  // idle again
        }
        #expect(moves == 1)
        #expect(deadline.fired(at: at(60)) == .reschedule(at(119)))
    }
}
