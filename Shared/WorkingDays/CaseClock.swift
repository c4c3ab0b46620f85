/// "Today" and the working-day calendar a service judges its cases with, read once per call so
/// that every deadline of one answer is computed against the same day.
package struct CaseClock: Sendable {
    /// Today's date.
    package var today: CivilDate
    /// England and Wales working days, with any extra bank holidays.
    package var calendar: WorkingCalendar

    /// A clock at `today` with `calendar`.
    package init(today: CivilDate, calendar: WorkingCalendar) {
        self.today = today
        self.calendar = calendar
    }
}
