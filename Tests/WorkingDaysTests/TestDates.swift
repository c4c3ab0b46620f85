import Testing
import WorkingDays

/// The date written `iso`, or a failed test naming the bad literal.
func day(_ iso: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CivilDate {
    try #require(CivilDate(iso), "not a date: \(iso)", sourceLocation: sourceLocation)
}
