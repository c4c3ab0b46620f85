import Contract

/// `cspr help`.
enum Help {
    static let text = """
        cspr: the operators' command-line client of the CSPR services

        usage: cspr <command> [arguments] [--json] [--token TOKEN] [--url HOST:PORT] [--timeout SECONDS]

        any call of the contract:
          cspr call <service> <Method> [JSON | @file | -]   e.g. cspr call gateway GetCase '{"caseReference":"SURREY-2025-0007"}'
          cspr call <service> /package.Service/Method [...] a path not yet in the contract
          cspr methods [service]                            the calls cspr knows, their paths and roles

        intake:
          cspr referral submit <referral.json | ->          SubmitReferral (the Appendix 2 form)
          cspr notification record <notification.json | -> RecordNotification (an LA serious incident notification)
          cspr scoping send <case> <requests.json | -> [--letter-format text|markdown] [--signatory S] [--queries-contact C] [--letters]
          cspr scoping return <case> <return.json | ->      RecordScopingReturn (Appendix 3)

        rapid-review:
          cspr rapid-review schedule <case> <YYYY-MM-DD> [--format FORMAT]

        review-management (the commissioned review):
          cspr review list [--state S] [--overdue] [--page N] ListReviews, 100 a page
          cspr review show <case>                           GetReview: state, next step, terms, reviewer, report, T7/T8, milestones
          cspr review terms <case> <terms.json | ->         DraftTermsOfReference (Appendix 6)
          cspr review agree-terms <case> <version> [--on D] AgreeTermsOfReference (the Case Review Panel, V1)
          cspr review document <case> [--version N]         the terms of reference filled in (Markdown)
          cspr review chronology <case> [--csv]             the Combined Key Events Chronology (V6)
          cspr review report <case> <report.json | ->       SubmitReportDraft ({sections, recommendations}), with its V9 checklist
          cspr review approve <case> <version> [--on D]     ApproveReport (the board): hands the report to publication

        publication (the approved report, its publication and the action plan):
          cspr publication list [--page N]                 ListPublications, 100 a page
          cspr publication show <case>                      GetPublication: state, advance copies, earliest date (T9), gate, plan, holds, published
          cspr publication copy <case> <recipient> [--on D] RecordAdvanceCopy to nationalPanel, ofsted or secretaryOfState [--version N]
          cspr publication check <case> [--version N]       CheckReportForDisclosure (P4): findings by section, line, kind, whose
          cspr publication sign-off <case> --by NAME --role ROLE [--on D] [--version N]   SignOffAnonymisation after a clean check
          cspr publication schedule <case> <D> <address>    SchedulePublication (T9, P3, P4)
          cspr publication published <case> <D> <address>   RecordPublished (P5; T10's archive step)
          cspr publication actions <case>                   GetActionPlan as a table (P6, Appendix 16)
          cspr publication yearly <year> [--csv]            GetYearlyReport

        gateway (every case across the stages):
          cspr cases [--stage STAGE] [--overdue] [--due-within N] [--page N]
          cspr case <case>
          cspr summary

        cspr services                                       the stack's services in the order they start, each with its principal's roles

        services: \(ServiceIdentity.all.map(\.name).joined(separator: ", "))
        address:  --url, else CSPR_<SERVICE>_URL (e.g. CSPR_RAPID_REVIEW_URL), else 127.0.0.1 on the service's default port
        token:    --token, else CSPR_TOKEN
        --json prints the answer's JSON; errors print their status code and message.
        exit status: 0 done, 1 the call failed, 2 the command line or input is wrong

        """
}
