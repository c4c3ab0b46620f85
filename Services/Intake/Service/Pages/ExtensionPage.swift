import Contract
import RPC
import ServiceKit
import WebForms
import WorkingDays

/// Recording a decision extending T1, T2 or T3 (RULES.md; issue 15, item 5) as a form: the
/// timescale, which of its deadlines (the T1 step or the agency for T2 and T3), the new due
/// date and why. Posts to `RecordExtension`'s own handler.
enum ExtensionPage {
    /// Where a case's form is: `/extension/<reference>`.
    static let prefix = "/extension/"

    /// The subject radio's value for a timescale with one deadline (a value, so that no radio
    /// is chosen before the person chooses).
    static let oneDeadline = "none"

    /// The names of the date fields, whose errors go to their day.
    static let dates: Set<String> = ["newDue", "agreedOn"]

    /// The form for `reference`; `deadlines` are the case's T1-T3 as they now stand, and
    /// `recorded` says an extension was just recorded.
    static func body(_ form: FormContext, reference: CaseReference, deadlines: [Deadline], recorded: Bool, session: WebSession, links: String)
        -> String
    {
        let escaped = HTML.escape(reference.description)
        var html = ""
        if recorded { html += "<div class=\"panel-confirmation\" role=\"status\"><h2>Extension recorded</h2></div>\n" }
        html += FormContext.errorSummary(form.errors)
        html += "<p>Case <strong>\(escaped)</strong>. A deadline is extended only by a recorded decision: who agreed it, when, "
        html += "why and the new date. The original due date stays beside the new one.</p>\n"
        html += table(deadlines)
        let open = deadlines.filter { $0.metOn == nil }
        let subjects = open.compactMap(\.subject).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        html += """
            <form method="post" action="\(prefix)\(escaped)#error-summary" novalidate>
            \(FormContext.csrf(session))\(FormContext.idempotencyKey())
            """
        html += form.radios(
            "rule", legend: "Which timescale is extended",
            options: [
                ("T1", "T1: notifying the National Panel and the safeguarding partners"), ("T2", "T2: sending the scoping requests"),
                ("T3", "T3: the agencies' scoping returns"),
            ])
        if !subjects.isEmpty {
            html += form.radios(
                "subject", legend: "Which of its deadlines", hint: "T1's step, or for T2 and T3 the agency.",
                options: subjects.map { ($0, $0) } + [(oneDeadline, "The timescale has one deadline")])
        }
        html += form.date("newDue", legend: "New due date", hint: "Later than the date it is due by now.")
        html += form.text("reason", label: "Why it is extended", hint: "For example, a police request to delay.", multiline: true)
        html += form.date("agreedOn", legend: "Date the decision was taken (if not today)")
        html += "<div class=\"buttons\">" + FormContext.button("Record the extension", value: "extend") + "</div>\n</form>\n"
        return html + links
    }

    /// The request read from the form, or the errors the form alone can make.
    static func read(_ values: FormData, reference: CaseReference) -> (RecordExtensionRequest?, [FieldError]) {
        var errors: [FieldError] = []
        let rule = TimescaleRule(rawValue: values["rule"]).flatMap { IntakeCase.extendableRules.contains($0) ? $0 : nil }
        if rule == nil { errors.append(FieldError(field: "rule", message: "Choose which timescale is extended (T1, T2 or T3)")) }
        let newDue = DateInput.read(values, "newDue", label: "New due date", required: true, errors: &errors)
        let agreedOn = DateInput.read(values, "agreedOn", label: "Date the decision was taken", required: false, errors: &errors)
        if values.text("reason") == nil { errors.append(FieldError(field: "reason", message: "Say why it is extended: it is a recorded decision")) }
        guard errors.isEmpty, let rule, let newDue else { return (nil, errors) }
        let request = RecordExtensionRequest(
            caseReference: reference, rule: rule, subject: values.text("subject").flatMap { $0 == oneDeadline ? nil : $0 }, newDue: newDue,
            reason: values["reason"], agreedOn: agreedOn)
        return (request, [])
    }

    /// A call's refusal beside its field: INVALID_ARGUMENT names it (a date's goes to its
    /// day); FAILED_PRECONDITION (the deadline met, another stage's, none such) goes beside
    /// the timescale, its rule id first.
    static func fieldErrors(_ error: RPCError) -> [FieldError] {
        let message = error.message
        if error.code == .failedPrecondition { return [FieldError(field: "rule", message: "Which timescale: \(message)")] }
        guard error.code == .invalidArgument, let colon = message.range(of: ": ") else { return [FieldError(field: "main", message: message)] }
        let path = String(message[..<colon.lowerBound])
        let labels = ["newDue": "New due date", "agreedOn": "Date the decision was taken", "reason": "Why", "subject": "Which deadline"]
        guard let label = labels[path] else { return [FieldError(field: "main", message: message)] }
        return [FieldError(field: dates.contains(path) ? "\(path).day" : path, message: "\(label): \(message[colon.upperBound...])")]
    }

    /// The deadlines as a table: due by, originally due (once extended), and where each stands.
    static func table(_ deadlines: [Deadline]) -> String {
        guard !deadlines.isEmpty else { return "<p>The case has no deadline of T1, T2 or T3.</p>\n" }
        var html = "<table>\n<caption>The deadlines intake extends</caption>\n<thead><tr><th scope=\"col\">Timescale</th>"
        html += "<th scope=\"col\">Due by</th><th scope=\"col\">Originally due</th><th scope=\"col\">State</th></tr></thead><tbody>\n"
        for deadline in deadlines {
            html += "<tr><td>\(HTML.escape(deadline.rule.rawValue))\(deadline.subject.map { ": " + HTML.escape($0) } ?? "")</td>"
            html += "<td>\(deadline.due)</td><td>\(deadline.originalDue.map(\.description) ?? "")</td><td>\(state(deadline))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    private static func state(_ deadline: Deadline) -> String { CaseWords.state(deadline.status) }
}
