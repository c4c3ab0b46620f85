#!/usr/bin/env python3
"""review-management's pages in real chromium (Selenium + chromium-driver), with axe-core on every page.

The review team signs in, opens the reviews and the case, drafts the terms of reference (a
period ending before it starts is refused beside its field with the values kept; "Add another
key line of enquiry" adds one, no scripts), and saves them. The Case Review Panel agrees them
(V1) and reads the printable document. The review team appoints the lead reviewer, opens its team, family
(a member recorded) and learning event pages, records a checkpoint (oversight) and the learning points,
asks the police for their chronology and information report, and opens the escalation form
(nothing overdue yet). The police's safeguarding lead (an agency token) finds its own request,
and not the other case's, on its home page, opens it, adds two chronology entries and submits them, submits its
information report (endorsed, V7), and cannot open
another case that asked only another agency (the same answer as a missing case). The review
team submits a draft of the report, confirms it meets the terms of reference and answers a
quality marker; the board
endorses the recommendations and approves it (V9). Prints one
JSON line with what it saw; exits non-zero on the first failure. Run by
Tests/ReviewManagementTests/Pages/ReviewManagementBrowserTests.swift.

Usage: review_management_pages.py --base URL --reference REF --other REF --team TOKEN --panel TOKEN --agency TOKEN --board TOKEN --artifacts DIR
"""
import argparse
import json
import os
import sys

from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from referral_form import Run, browser, expect  # noqa: E402
from rapid_review_pages import sign_in  # noqa: E402


def draft_terms(run):
    run.type("caseSummary.seriousIncident", "Fictional: an injury at home")
    run.type("caseSummary.family", "Fictional: a mother and two children")
    run.type("reviewTeam.leadReviewer", "Jo Example")
    run.type("reviewTeam.members[0].name", "Dana Sample")
    run.type("reviewTeam.members[0].organisation", "Testshire Police")
    run.type("reviewTeam.members[0].responsibilities", "Liaison with the senior investigating officer")
    run.date("scope.periodFrom", "1", "1", "2024")
    run.date("scope.periodTo", "20", "3", "2023")
    run.type("scope.periodRationale", "Fictional: from the child protection plan on")
    run.type("scope.keyLinesOfEnquiry[0]", "Fictional: information sharing between agencies")
    run.type("familyInvolvement.plans", "Fictional: the lead reviewer meets the mother")
    run.type("familyInvolvement.responsibleForContact", "Jo Example")
    run.type("methodology", "Fictional: a combined chronology and information reports")
    run.type("legal.parallelInvestigations", "Fictional: a police investigation")
    run.type("legal.legalAdvice", "Fictional: none at the outset")
    for part in ("racial", "cultural", "linguistic", "religious"):
        run.type(f"otherConsiderations.{part}", "None identified")
    run.type("timeline.keyDates[0].milestone", "First review team meeting")
    run.date("timeline.keyDates[0].date", "1", "5", "2025")
    run.date("timeline.presentationToPartners", "1", "9", "2025")


def main():
    parser = argparse.ArgumentParser()
    for name in ("--base", "--reference", "--other", "--team", "--panel", "--agency", "--board", "--artifacts"):
        parser.add_argument(name, required=True)
    args = parser.parse_args()
    os.makedirs(args.artifacts, exist_ok=True)
    driver = browser()
    try:
        run = Run(driver, args.artifacts)
        ref = args.reference
        sign_in(run, args.base, "/reviews", args.team)
        expect(ref in driver.page_source, "the list does not show the case: " + driver.find_element(By.TAG_NAME, "main").text[:400])
        run.check("01-reviews")
        run.follow(ref)
        run.check("02-review")
        run.follow("Draft the terms of reference")
        draft_terms(run)
        run.press("Add another key line of enquiry")
        expect(run.field("reviewTeam.leadReviewer").get_attribute("value") == "Jo Example", "the values typed were lost")
        run.type("scope.keyLinesOfEnquiry[1]", "Fictional: the voice of the child")
        # The period ends before it starts: refused by DraftTermsOfReference beside the field.
        run.press("Save the terms of reference")
        expect(driver.title.startswith("Error: "), f"the refused draft's title is {driver.title!r}")
        link = driver.find_element(By.CSS_SELECTOR, ".error-summary a")
        expect(link.get_attribute("href").endswith("#scope-periodTo-day"), f"the summary links to {link.get_attribute('href')}")
        beside = driver.find_element(By.ID, "scope-periodTo-error").text
        expect(beside.startswith("Error:") and "before scope.periodFrom" in beside, f"the message beside the field: {beside!r}")
        expect(
            run.field("scope.keyLinesOfEnquiry[1]").get_attribute("value") == "Fictional: the voice of the child",
            "values not kept after the refusal",
        )
        run.check("03-terms-of-reference-error")
        run.date("scope.periodTo", "20", "3", "2025")
        run.check("04-terms-of-reference-form")
        run.press("Save the terms of reference")
        expect("recorded=terms-of-reference" in driver.current_url, f"after saving: {driver.current_url}")
        run.press("Sign out")

        sign_in(run, args.base, f"/reviews/{ref}", args.panel)
        run.follow("Agree the terms of reference")
        expect("Every field Appendix 6 asks for is filled in" in driver.page_source, "the panel is told fields are missing")
        run.check("05-agree-terms-of-reference")
        run.press("Agree version 1")
        expect("recorded=agreed" in driver.current_url, f"after agreeing: {driver.current_url}")
        run.check("06-agreed")
        run.follow("The terms of reference document")
        expect(len(driver.find_elements(By.CSS_SELECTOR, "article.document section")) > 1, "the document has no sections")
        expect("Fictional: the voice of the child" in driver.page_source, "the document lacks the second key line")
        run.check("07-terms-of-reference-document")
        run.press("Sign out")

        sign_in(run, args.base, f"/reviews/{ref}", args.team)
        run.follow("Appoint the lead reviewer")
        run.type("name", "Jo Example")
        run.type("organisation", "Fictional Reviews Ltd")
        run.type("independence", "Fictional: no role in any agency involved")
        run.check("08-lead-reviewer-form")
        run.press("Appoint the lead reviewer")
        expect("recorded=lead-reviewer" in driver.current_url, f"after appointing: {driver.current_url}")
        # The other forms of the review team, each checked with axe-core as it opens.
        run.follow("Set the review team")
        run.check("08b-review-team-form")
        driver.get(f"{args.base}/reviews/{ref}")
        run.follow("The family's involvement")
        run.type("name", "Fictional-Mother Quill")
        run.type("relationship", "mother")
        run.choose("invitation.route", "letter")
        run.check("08c-family-form")
        run.press("Record the family member")
        expect("recorded=member" in driver.current_url, f"after recording the family member: {driver.current_url}")
        expect("Fictional-Mother Quill" in driver.page_source, "the family member is not listed")
        run.follow("Record a step of the conversation", partial=True)
        run.check("08d-family-contact-form")
        driver.get(f"{args.base}/reviews/{ref}")
        run.follow("The practitioners' learning event")
        run.check("08e-learning-event")
        # Oversight: the record, then a checkpoint with a written request to the reviewer.
        driver.get(f"{args.base}/reviews/{ref}")
        run.follow("Oversight: parallel processes", partial=True)
        run.check("08f-oversight")
        run.follow("Record a progress or quality checkpoint")
        run.choose("kind", "progress")
        run.type("findings", "Fictional: the timetable holds")
        run.type("requestsToReviewer[0]", "Fictional: send the chronology summary")
        run.check("08g-checkpoint-form")
        run.press("Record the checkpoint")
        expect("recorded=checkpoint" in driver.current_url, f"after the checkpoint: {driver.current_url}")
        expect("Fictional: send the chronology summary" in driver.page_source, "the checkpoint is not listed")
        # The learning points, a form of the workshop's follow-up.
        driver.get(f"{args.base}/learning-points/{ref}")
        run.type("themes[0].text", "Fictional: information sharing")
        run.type("themes[0].agencies", "Testshire Police, Fictional Health")
        run.check("08h-learning-points-form")
        run.press("Record the themes and learning points")
        expect("recorded=learning-points" in driver.current_url, f"after the learning points: {driver.current_url}")
        driver.get(f"{args.base}/reviews/{ref}")
        run.follow("Ask agencies for their chronology", partial=True)
        # Chosen among the agencies the review knows: the police are in the terms of reference.
        run.choose("agencyChoice", "Testshire Police")
        run.type("contact.name", "Lee Contact")
        run.date("dueOn", "1", "5", "2025")
        run.check("09-agency-request-form")
        run.press("Ask the agency")
        expect("recorded=agency-request" in driver.current_url, f"after asking: {driver.current_url}")
        expect("<td>Testshire Police</td>" in driver.page_source, "the request is not listed")
        # Nothing is overdue yet: the escalation form says so.
        driver.get(f"{args.base}/agency-escalation/{ref}")
        expect("No agency" in driver.page_source, "an agency is offered for escalation before its due date")
        run.check("09b-agency-escalation-form")
        run.press("Sign out")

        # The agency's home lists its own open request, not the other case's.
        sign_in(run, args.base, "/", args.agency)
        expect(f'href="/agency/{ref}"' in driver.page_source, "the agency's home does not list its request")
        expect(args.other not in driver.page_source, "the agency's home lists another agency's request")
        run.check("09c-agency-home")
        driver.get(f"{args.base}/agency/{ref}")

        expect("Testshire Police" in driver.page_source, "the agency's page does not name its agency")
        run.date("entries[0].date", "3", "3", "2025")
        run.type("entries[0].time", "14:30")
        run.type("entries[0].event", "Fictional: a welfare visit")
        run.type("entries[0].source", "Fictional: visit log 12")
        run.choose("entries[0].period", "inside")
        run.press("Add another entry")
        run.date("entries[1].date", "4", "3", "2025")
        run.type("entries[1].event", "Fictional: a strategy discussion")
        run.type("entries[1].source", "Fictional: minutes")
        run.choose("entries[1].period", "inside")
        run.check("10-agency-chronology-form")
        run.press("Submit the chronology")
        expect("recorded=chronology" in driver.current_url, f"after submitting: {driver.current_url}")
        run.check("11-chronology-submitted")
        run.follow("Your information report")
        run.type("report.author.name", "Fictional Author")
        run.type("report.author.designation", "Testshire Police, review officer")
        run.field("report.author.involvement").click()
        run.type("report.endorser.name", "Fictional Senior")
        run.field("report.endorser.involvement").click()
        run.date("report.endorsedOn", "7", "4", "2025")
        run.type("report.analysis", "Fictional: the referral was not shared")
        run.check("11b-information-report-form")
        run.press("Submit the information report")
        expect("recorded=information-report" in driver.current_url, f"after the information report: {driver.current_url}")
        driver.get(f"{args.base}/agency/{args.other}")
        expect("There is no request to your agency on this case." in driver.page_source, "another agency's request was shown")
        expect("Testshire Children" not in driver.page_source, "the other agency is named")
        run.check("12-another-agency-refused")
        run.press("Sign out")

        sign_in(run, args.base, f"/reviews/{ref}", args.team)
        run.follow("Submit a draft of the report")
        for name, text in (
            ("executiveSummary", "Fictional: a short summary of the review and its learning."),
            ("whatHappened", "Fictional: Child A was injured at home."),
            ("whyDecisionsWereTaken", "Fictional: the threshold was judged not met."),
            ("howAgenciesWorkedTogether", "Fictional: information was not shared between agencies."),
            ("whetherShortcomingsAreGeneral", "Fictional: an audit found the same in other cases."),
            ("whatMustChange", "Fictional: a shared record of concerns."),
            ("goodPractice", "Fictional: the school nurse escalated promptly."),
            ("howAgenciesWillLearn", "Fictional: briefings and a practice audit."),
        ):
            run.type(f"sections.{name}", text)
        run.type("recommendations[0].text", "Fictional: share concerns at once")
        run.type("recommendations[0].owner", "Testshire Partnership")
        run.choose("recommendations[0].scope", "local")
        run.date("recommendations[0].dueBy", "31", "12", "2025")
        run.check("13-report-draft-form")
        run.press("Submit the draft")
        expect("recorded=report" in driver.current_url, f"after submitting the draft: {driver.current_url}")
        run.press("Confirm the report meets the terms of reference")
        expect("recorded=confirmed" in driver.current_url, f"after confirming: {driver.current_url}")
        driver.get(f"{args.base}/reviews/{ref}")
        run.follow("Answer the quality markers")
        run.choose("answers[6].answer", "partly")
        run.type("answers[6].comment", "Fictional: soften section 3")
        run.check("13b-quality-markers-form")
        run.press("Record the answers")
        expect("recorded=quality-markers" in driver.current_url, f"after the quality markers: {driver.current_url}")
        run.press("Sign out")

        sign_in(run, args.base, f"/report-approval/{ref}", args.board)
        run.check("14-report-approval")
        run.press("Endorse the recommendations")
        expect("recorded=endorsed" in driver.current_url, f"after endorsing: {driver.current_url}")
        run.press("Approve the report")
        expect("recorded=approved" in driver.current_url, f"after approving: {driver.current_url}")
        expect("The report is approved" in driver.page_source, "the approval is not confirmed")
        run.check("15-report-approved")
        print(json.dumps({"ok": True, "pages": run.pages}))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
