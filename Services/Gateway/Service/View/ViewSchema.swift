import Storage

/// The gateway's own tables: the merged view of every case, kept in its database so that it
/// costs memory for the page being read, not for every case, and survives a restart.
///
/// - `stage_statuses`: each stage's latest status of each case, as the stage sent it.
/// - `stage_cursors`: where each stage's change feed was read to.
/// - `case_view`: each case merged across the stages (`StatusMerge`), with the columns that
///   order and filter it: its latest stage and its next due date (`9999-12-31` when nothing is
///   open, so such cases sort last, as `CaseJudgement.byNextDeadline` has it).
/// - `view_deadlines`: the merged deadlines, for the panel's figures (`GetSummary`).
package enum ViewSchema {
    /// The next due date of a case with no deadline open.
    static let nothingDue = "9999-12-31"

    /// The view's tables, applied by ServiceKit's migrator as the gateway's own steps.
    package static let migrations = [
        Migration(
            "case view",
            sql: """
                CREATE TABLE stage_statuses (
                    reference TEXT NOT NULL,
                    stage TEXT NOT NULL,
                    status TEXT NOT NULL,
                    PRIMARY KEY (reference, stage)
                ) WITHOUT ROWID;
                CREATE INDEX stage_statuses_by_stage ON stage_statuses (stage);
                CREATE TABLE stage_cursors (
                    stage TEXT PRIMARY KEY,
                    cursor TEXT NOT NULL
                );
                CREATE TABLE case_view (
                    reference TEXT PRIMARY KEY,
                    stage TEXT NOT NULL,
                    next_due TEXT NOT NULL,
                    merged TEXT NOT NULL
                );
                CREATE INDEX case_view_by_urgency ON case_view (next_due, reference);
                CREATE INDEX case_view_by_stage ON case_view (stage, next_due, reference);
                CREATE TABLE view_deadlines (
                    reference TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    due TEXT NOT NULL,
                    met_on TEXT,
                    met_in_time INTEGER NOT NULL
                );
                CREATE INDEX view_deadlines_by_case ON view_deadlines (reference);
                CREATE INDEX view_deadlines_open ON view_deadlines (due, rule) WHERE met_on IS NULL;
                CREATE INDEX view_deadlines_met ON view_deadlines (rule, met_on) WHERE met_on IS NOT NULL;
                """)
    ]
}
