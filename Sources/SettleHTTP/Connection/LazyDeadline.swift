import Dispatch

/// A connection's deadline, kept so that moving it rarely touches the timer.
///
/// Rescheduling a Dispatch timer is a system call that wakes Dispatch's manager thread, and a
/// keep-alive connection changes phase (and so deadline) twice per request. Profiles showed
/// that wake-up in every request. Here a later deadline only updates a value: the timer keeps
/// its earlier firing time, and when it fires early it is moved to the deadline then in force.
/// Only a deadline earlier than the timer's (or a timer not set) reschedules it.
struct LazyDeadline: Sendable, Equatable {
    /// When the connection's current phase runs out; nil while no timeout applies.
    private(set) var deadline: DispatchTime?
    /// When the timer is set to fire; nil when it is not set.
    private(set) var timerFires: DispatchTime?

    /// What the driver does when the timer fires.
    enum Firing: Equatable {
        /// The deadline has passed: time the phase out.
        case expired
        /// Fired before the deadline (it moved later): set the timer to fire then.
        case reschedule(DispatchTime)
        /// No deadline applies now.
        case none
    }

    /// Sets the deadline; returns the time to set the timer to, or nil to leave the timer as it is.
    mutating func set(_ newDeadline: DispatchTime?) -> DispatchTime? {
        deadline = newDeadline
        guard let newDeadline else { return nil }
        if let timerFires, timerFires <= newDeadline { return nil }
        timerFires = newDeadline
        return newDeadline
    }

    /// The timer fired at `now`.
    mutating func fired(at now: DispatchTime) -> Firing {
        timerFires = nil
        guard let deadline else { return .none }
        guard now < deadline else {
            self.deadline = nil
            return .expired
        }
        timerFires = deadline
        return .reschedule(deadline)
    }
}
