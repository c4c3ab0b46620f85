import Contract
import PublicationService
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// SchedulePublication, RecordPublished, the repository and the notice of delay (T8-T10, P5).
@Suite("Publishing: the date, the publication, the repository, T8")
struct PublishingTests {
    static let copiesOn = Fixtures.date("2027-01-04")  // Monday: Wednesday 13 January is the earliest date
    static let earliest = Fixtures.date("2027-01-13")

    @Test("T9: SchedulePublication is refused the day before the earliest date, naming T9, and changes nothing; accepted on it")
    func t9ScheduleRefusedThenAccepted() async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.recordAllAdvanceCopies(reference, sentOn: Self.copiesOn)
            try await harness.expectRefused(
                reference, .failedPrecondition, "T9: 2027-01-12 is fewer than 7 working days after the latest advance copy"
            ) {
                try await harness.schedule(reference, on: Fixtures.date("2027-01-12"))
            }
            // P4: the version passes the anonymisation gate before it is scheduled.
            try await harness.passAnonymisationGate(reference)
            let scheduled = try await harness.schedule(reference, on: Self.earliest)
            #expect(scheduled.schedule.publicationDate == Self.earliest)
            let t9 = try #require(scheduled.deadlines.first { $0.rule == .t9 })
            #expect(t9.due == Self.copiesOn)
            #expect(t9.status == .met)
            let publication = try await harness.publication(reference)
            #expect(publication.state == .scheduled)
            #expect(publication.schedules.map(\.address) == [Fixtures.address])
        }
    }

    @Test("T9: SchedulePublication with one recipient missing is FAILED_PRECONDITION naming T9 and the recipient")
    func t9ScheduleRecipientMissing() async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.recordAdvanceCopy(reference, to: .nationalPanel, sentOn: Self.copiesOn)
            try await harness.recordAdvanceCopy(reference, to: .secretaryOfState, sentOn: Self.copiesOn)
            try await harness.expectRefused(reference, .failedPrecondition, "T9: no advance copy of report version 1 to ofsted is recorded") {
                try await harness.schedule(reference, on: Fixtures.date("2027-03-01"))
            }
        }
    }

    @Test("SchedulePublication refuses a date before today or an address that is not http(s), naming the field")
    func scheduleFieldsChecked() async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.recordAllAdvanceCopies(reference, sentOn: Fixtures.date("2026-12-02"))
            try await harness.expectRefused(reference, .invalidArgument, "publicationDate: T9: 2027-01-08 is before today (2027-01-11)") {
                try await harness.schedule(reference, on: Fixtures.date("2027-01-08"))
            }
            try await harness.expectRefused(reference, .invalidArgument, "address: P5: \"the council website\" is not an http or https address") {
                try await harness.schedule(reference, on: Self.earliest, address: "the council website")
            }
        }
    }

    @Test("P5, T10: RecordPublished keeps date and address; the archive step is a deadline a year on; nothing is scheduled or published after it")
    func p5PublishedThenT10() async throws {
        try await withPrepared(1) { harness, reference in
            // Wednesday 30 December is the 7th working day before Monday 11 January.
            try await harness.recordAllAdvanceCopies(reference, sentOn: Fixtures.date("2026-12-30"))
            try await harness.passAnonymisationGate(reference)
            let published = try await harness.recordPublished(reference, on: Fixtures.today)
            #expect(published.published == .init(reportVersion: 1, publishedOn: Fixtures.today, address: Fixtures.address, recordedBy: "Pub.Comms"))
            let t10 = try #require(published.deadlines.first { $0.rule == .t10 })
            #expect(t10.due == Fixtures.date("2028-01-11"))
            #expect(t10.status == .open)
            #expect(t10.subject == "archived after a year, then available on request")
            let publication = try await harness.publication(reference)
            #expect(publication.state == .published)
            #expect(publication.milestones.last?.event == "reportPublished")
            try await harness.expectRefused(reference, .failedPrecondition, "T10: report version 1 was published on 2027-01-11") {
                try await harness.recordPublished(reference, on: Fixtures.today)
            }
            try await harness.expectRefused(reference, .failedPrecondition, "T10: report version 1 was published on 2027-01-11") {
                try await harness.schedule(reference, on: Fixtures.date("2027-02-01"))
            }
        }
    }

    @Test("T9, P5: RecordPublished is refused when the advance copies were too late for the date, or the date is after today")
    func t9PublishedChecked() async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.recordAllAdvanceCopies(reference, sentOn: Fixtures.date("2026-12-31"))
            try await harness.expectRefused(reference, .failedPrecondition, "T9: 2027-01-11 is fewer than 7 working days") {
                try await harness.recordPublished(reference, on: Fixtures.today)
            }
            try await harness.expectRefused(reference, .invalidArgument, "publishedOn: P5: 2027-01-12 is after today") {
                try await harness.recordPublished(reference, on: Fixtures.date("2027-01-12"))
            }
        }
    }

    @Test("T8: a publication date after T7's due date with no notice asks for one, due the day it became known; a notice meets it")
    func t8LatePublicationAsksForNotice() async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.recordAllAdvanceCopies(reference, sentOn: Self.copiesOn)
            try await harness.passAnonymisationGate(reference)
            let scheduled = try await harness.schedule(reference, on: Self.earliest)
            let t8 = try #require(scheduled.deadlines.first { $0.rule == .t8 })
            #expect(t8.due == Fixtures.today)
            #expect(t8.metOn == nil)
            let status = try #require(try await harness.statuses([reference]).statuses.first)
            #expect(status.deadlines.contains { $0.rule == .t8 && $0.metOn == nil })
            let noticed = try await harness.recordDelayNotice(reference)
            #expect(noticed.deadlines.first { $0.rule == .t8 }?.status == .met)
            #expect(noticed.notice.reason == "Fictional: a trial")
        }
    }

    @Test("T8: no notice is asked for when review-management recorded one, or when the date is within T7's due date")
    func t8NotAskedWhenNoticedOrInTime() async throws {
        try await withHarness { harness in
            let noticed = Fixtures.reference(1)
            try await harness.prepare(Fixtures.preparation(noticed, delayNoticeOn: Fixtures.date("2026-12-10")))
            try await harness.recordAllAdvanceCopies(noticed, sentOn: Self.copiesOn)
            try await harness.passAnonymisationGate(noticed)
            #expect(try await harness.schedule(noticed, on: Self.earliest).deadlines.map(\.rule) == [.t9])
            let inTime = Fixtures.reference(2)
            let t7 = Deadline(
                rule: .t7, due: Fixtures.date("2027-02-28"), originalDue: Fixtures.date("2026-12-20"), status: .met, ruleSet: .surrey2019)
            try await harness.prepare(Fixtures.preparation(inTime, t7: t7))
            try await harness.recordAllAdvanceCopies(inTime, sentOn: Self.copiesOn)
            try await harness.passAnonymisationGate(inTime)
            #expect(try await harness.schedule(inTime, on: Self.earliest).deadlines.map(\.rule) == [.t9])
        }
    }

    @Test("T8: a notice is refused while no publication date passes T7's due date, or without the Secretary of State's date")
    func t8NoticeChecked() async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.expectRefused(reference, .failedPrecondition, "T8: no publication date passes T7's due date") {
                try await harness.recordDelayNotice(reference)
            }
            try await harness.recordAllAdvanceCopies(reference, sentOn: Self.copiesOn)
            try await harness.passAnonymisationGate(reference)
            try await harness.schedule(reference, on: Self.earliest)
            try await harness.expectRefused(reference, .invalidArgument, "secretaryOfStateInformedOn: T8:") {
                try await harness.recordDelayNotice(reference, secretary: nil)
            }
        }
    }

    @Test("P5: the repository submission needs the publication first; it records the configured address and then the acknowledgement")
    func p5RepositorySubmission() async throws {
        let repository = "https://repository.example/submit"
        let harness = try await Harness.start(extra: ["CSPR_NSPCC_REPOSITORY_URL": repository])
        try await withStopping(harness, stop: { await $0.stop() }) { harness in
            let reference = Fixtures.reference(1)
            try await harness.prepare(Fixtures.preparation(reference))
            try await harness.expectRefused(reference, .failedPrecondition, "P5: the report is not published yet") {
                try await harness.recordRepositorySubmission(reference, submittedOn: Fixtures.today)
            }
            try await harness.recordAllAdvanceCopies(reference, sentOn: Fixtures.date("2026-12-30"))
            try await harness.passAnonymisationGate(reference)
            try await harness.recordPublished(reference, on: Fixtures.today)
            try await harness.expectRefused(reference, .invalidArgument, "acknowledgedOn: P5:") {
                try await harness.recordRepositorySubmission(reference, submittedOn: Fixtures.today, acknowledgedOn: Fixtures.date("2027-01-12"))
            }
            let submitted = try await harness.recordRepositorySubmission(reference, submittedOn: Fixtures.today)
            #expect(submitted.submission.repository == repository)
            let acknowledged = try await harness.recordRepositorySubmission(reference, submittedOn: Fixtures.today, acknowledgedOn: Fixtures.today)
            #expect(acknowledged.submission.number == 2)
            #expect(try await harness.publication(reference).milestones.suffix(2).map(\.event) == ["repositorySubmitted", "repositoryAcknowledged"])
        }
    }

    @Test("CSPR_NSPCC_REPOSITORY_URL: the NSPCC's address by default (§10.5.3); a value not mailto:, http or https stops the service naming it")
    func repositorySetting() async throws {
        #expect(throws: Never.self) { try PublicationService.definition.checkSettings([:]) }
        try await withPrepared(1) { harness, reference in
            try await harness.recordAllAdvanceCopies(reference, sentOn: Fixtures.date("2026-12-30"))
            try await harness.passAnonymisationGate(reference)
            try await harness.recordPublished(reference, on: Fixtures.today)
            let submitted = try await harness.recordRepositorySubmission(reference, submittedOn: Fixtures.today)
            #expect(submitted.submission.repository == "mailto:information@nspcc.org.uk")
        }
        do {
            try PublicationService.definition.checkSettings(["CSPR_NSPCC_REPOSITORY_URL": "ftp://repository.example"])
            Issue.record("an ftp address was taken")
        } catch {
            #expect(error.variable == "CSPR_NSPCC_REPOSITORY_URL")
        }
    }
}
