#!/usr/bin/env python3
"""rapid-review's pages in real chromium (Selenium + chromium-driver), with axe-core on every page.

The Case Review Panel signs in, opens the Rapid Reviews and the case, schedules the meeting
(T4), fills in the meeting:
with the police's representative not yet added the quorum shows the police missing (R1, after
"Check quorum", no scripts); "Add another participant" adds them and the quorum is met; a
missing answer is refused beside its field with the values kept; the meeting is recorded, then
the recommendation. The independent chair signs in and ratifies. The Appendix 5 document and
the covering letter are shown as printable pages. Partnership support signs in and records the
submission to the National Panel and the sharing (R10, T5), the referrer ticked, and marks the
meeting's immediate action done from the case's page (R4, a date before the meeting refused first). Prints one
JSON line with what it saw; exits non-zero on the first failure. Run by
Tests/RapidReviewTests/Pages/RapidReviewBrowserTests.swift.

Usage: rapid_review_pages.py --base URL --reference REF --panel TOKEN --chair TOKEN --staff TOKEN
       --meeting-date YYYY-MM-DD --submitted YYYY-MM-DD --referrer AGENCY --artifacts DIR
"""
import argparse
import json
import os
import sys

from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from referral_form import Run, browser, expect  # noqa: E402


def sign_in(run, base, path, token):
    run.driver.delete_all_cookies()
    run.driver.get(base + path)
    expect("/sign-in" in run.driver.current_url, f"expected the sign-in page, got {run.driver.current_url}")
    run.type("token", token)
    run.press("Sign in")
    expect(run.driver.current_url.startswith(base + path), f"after sign-in: {run.driver.current_url}")


def quorum_row(driver, partner):
    for row in driver.find_elements(By.CSS_SELECTOR, "#quorum tbody tr"):
        cells = [cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
        if cells and cells[0] == partner:
            return cells[-1]
    return None


def main():
    parser = argparse.ArgumentParser()
    for name in ("--base", "--reference", "--panel", "--chair", "--staff", "--meeting-date", "--submitted", "--referrer", "--artifacts"):
        parser.add_argument(name, required=True)
    args = parser.parse_args()
    os.makedirs(args.artifacts, exist_ok=True)
    driver = browser()
    try:
        run = Run(driver, args.artifacts)
        ref = args.reference
        sign_in(run, args.base, "/rapid-reviews", args.panel)
        expect(ref in driver.page_source, "the list does not show the case: " + driver.find_element(By.TAG_NAME, "main").text[:400])
        run.check("01-rapid-reviews")
        run.follow(ref)
        run.check("02-rapid-review")

        # T4: the meeting scheduled on its form; a date left out is refused beside it first.
        run.follow("Schedule the meeting")
        expect(driver.current_url.endswith(f"/schedule/{ref}"), f"expected the schedule form, got {driver.current_url}")
        run.check("02a-schedule-form")
        run.choose("format", "faceToFace")
        run.press("Schedule the meeting")
        expect(driver.title.startswith("Error: "), f"a schedule without a date is not refused: {driver.title!r}")
        expect("date-error" in driver.page_source, "the missing date is not shown beside its field")
        run.check("02b-schedule-form-error")
        year, month, day = args.meeting_date.split("-")
        run.date("date", str(int(day)), str(int(month)), year)
        run.press("Schedule the meeting")
        expect("recorded=schedule" in driver.current_url, f"after scheduling: {driver.current_url}")
        expect("Meeting scheduled" in driver.page_source, "the case page does not show the meeting scheduled")
        run.check("02c-meeting-scheduled")
        run.follow("Record the meeting")
        expect(driver.current_url.endswith(f"/meeting/{ref}"), f"expected the meeting form, got {driver.current_url}")

        # Prefilled: a row for each agency asked. The police's representative is not here yet.
        run.type("participants[0].name", "Pat Placeholder")
        run.type("participants[0].role", "Head of Safeguarding")
        run.type("participants[1].agency", "Testtown Youth Club")
        run.choose("participants[1].partnerKind", "other")
        run.type("participants[1].name", "Jo Example")
        run.type("participants[1].role", "Youth worker")
        run.type("participants[2].name", "Chris Dummy")
        run.type("participants[2].role", "Designated Nurse")
        run.type("participants[3].name", "Lee Specimen")
        run.type("participants[3].role", "Designated Safeguarding Lead")
        run.press("Check quorum")
        expect(quorum_row(driver, "The police") == "Missing", f"the police's quorum row: {quorum_row(driver, 'The police')!r}")
        expect(quorum_row(driver, "The local authority") == "Present", "the local authority is not shown present")
        expect("Not quorate yet" in driver.page_source, "the quorum is not said to be unmet")
        run.check("03-meeting-form-quorum-missing")
        # The README's picture: the last participants and the quorum judged, in one window.
        driver.execute_script("document.getElementById('quorum').scrollIntoView({block: 'end'})")
        driver.save_screenshot(os.path.join(args.artifacts, "meeting-form-quorum.png"))

        run.press("Add another participant")
        run.type("participants[4].name", "Dana Sample")
        run.type("participants[4].role", "Detective Inspector")
        run.type("participants[4].agency", "Testshire Police")
        run.choose("participants[4].partnerKind", "police")
        run.press("Check quorum")
        expect(quorum_row(driver, "The police") == "Present", "the police are not present after adding them")
        expect(run.field("participants[1].name").get_attribute("value") == "Jo Example", "the values typed were lost")

        run.type("caseSummary", "Fictional summary: a child known to three agencies was admitted to hospital.")
        run.choose("immediateAction.allTaken", "no")
        run.type("immediateAction.actions[0].what", "Strategy meeting for a sibling")
        run.type("immediateAction.actions[0].who", "Testshire Children's Services")
        run.date("immediateAction.actions[0].byWhen", "4", "4", "2025")
        run.field("criteria.multiAgencyWorking").click()
        run.type("discussion.natureOfHarm", "Fictional: serious physical injury")
        run.choose("discussion.meetsSeriousHarm", "yes")
        run.choose("discussion.legalAdvice.answer", "no")
        # The key issues are left out: refused by RecordMeeting (R6) beside the field, values kept.
        run.press("Record the meeting")
        expect(driver.title.startswith("Error: "), f"the refused meeting's title is {driver.title!r}")
        summary = driver.find_element(By.CSS_SELECTOR, ".error-summary")
        link = summary.find_element(By.TAG_NAME, "a")
        expect(link.get_attribute("href").endswith("#discussion-keyIssues"), f"the summary links to {link.get_attribute('href')}")
        beside = driver.find_element(By.ID, "discussion-keyIssues-error").text
        expect("R6" in beside and beside.startswith("Error:"), f"the message beside the field: {beside!r}")
        expect(run.field("participants[4].name").get_attribute("value") == "Dana Sample", "values not kept after the refusal")
        run.check("04-meeting-form-error")
        run.type("discussion.keyIssues", "Fictional: information sharing between agencies")
        run.check("05-meeting-form")
        run.press("Record the meeting")
        expect("recorded=meeting" in driver.current_url, f"after recording: {driver.current_url}")
        expect("quorate (R1)" in driver.page_source, "the case page does not say the meeting was quorate")
        run.check("06-meeting-recorded")

        run.follow("Agree the recommendation", partial=True)
        run.check("07-recommendation-form")
        run.choose("decision.recommendation", "localReview")
        run.type("decision.reasons", "Fictional reasons, including the potential for additional learning")
        run.press("Agree the recommendation")
        expect("recorded=recommendation" in driver.current_url, f"after agreeing: {driver.current_url}")
        run.press("Sign out")

        sign_in(run, args.base, f"/rapid-reviews/{ref}", args.chair)
        run.follow("Ratify the recommendation", partial=True)
        expect("Fictional reasons" in driver.page_source, "the chair does not see the recommendation")
        run.check("08-ratification-form")
        run.type("comments", "Fictional: endorsed")
        run.press("Ratify the recommendation")
        expect("recorded=ratification" in driver.current_url, f"after ratifying: {driver.current_url}")
        run.check("09-ratified")
        run.follow("Rapid Review Outcome document", partial=True)
        expect("Appendix 5" in driver.title or "Outcome" in driver.title, f"the document's title: {driver.title!r}")
        expect(len(driver.find_elements(By.CSS_SELECTOR, "article.document section")) > 1, "the document has no sections")
        run.check("10-outcome-document")
        driver.get(args.base + f"/rapid-reviews/{ref}")
        run.follow("covering letter", partial=True)
        expect("National Panel" in driver.page_source, "the covering letter does not name the National Panel")
        expect(len(driver.find_elements(By.CSS_SELECTOR, "article.document")) == 1, "the covering letter is not a printable document")
        run.check("11-covering-letter")

        # R10, T5: partnership support records the submission and the sharing, the referrer ticked.
        sign_in(run, args.base, f"/rapid-reviews/{ref}", args.staff)
        run.follow("Record the submission and the sharing", partial=True)
        expect(driver.current_url.endswith(f"/submission/{ref}"), f"expected the submission form, got {driver.current_url}")
        run.check("12-submission-form")
        year, month, day = args.submitted.split("-")
        run.date("submittedToNationalPanel", str(int(day)), str(int(month)), year)
        rows = len(driver.find_elements(By.CSS_SELECTOR, 'input[name$="].agency"]'))
        expect(rows >= 2, f"the form does not list the agencies asked: {rows}")
        referrer = False
        for index in range(rows):
            run.date(f"sharedWith[{index}].date", str(int(day)), str(int(month)), year)
            if run.field(f"sharedWith[{index}].agency").get_attribute("value") == args.referrer:
                box = run.field(f"sharedWith[{index}].referrer")
                if not box.is_selected():
                    box.click()
                referrer = True
        expect(referrer, f"the referrer {args.referrer!r} is not among the agencies listed")
        run.press("Record the submission")
        expect("recorded=submission" in driver.current_url, f"after the submission: {driver.current_url}: {driver.title!r}")
        expect("Submitted to the National Panel" in driver.page_source, "the case page does not show the submission")
        run.check("13-submitted")

        # R4: the immediate action still open is listed on the case's page; partnership support
        # marks it done: a date before the meeting is refused beside it (R4), values kept; then recorded.
        expect("Immediate actions still open (R4)" in driver.page_source, "the case page does not list the open action")
        run.follow("Mark action 1 as done")
        expect(f"/action-done/{ref}" in driver.current_url, f"expected the action-done form, got {driver.current_url}")
        expect(run.field("action").is_selected(), "the action followed is not chosen")
        run.check("14-action-done-form")
        meeting_year, meeting_month, meeting_day = args.meeting_date.split("-")
        run.date("doneOn", str(int(meeting_day) - 1), str(int(meeting_month)), meeting_year)
        run.type("note", "Fictional: strategy meeting held")
        run.press("Record the action as done")
        expect(driver.title.startswith("Error: "), f"a date before the meeting is not refused: {driver.title!r}")
        beside = driver.find_element(By.ID, "doneOn-error").text
        expect("R4" in beside, f"the message beside the date: {beside!r}")
        expect(run.field("note").get_attribute("value") == "Fictional: strategy meeting held", "the note was lost")
        run.check("15-action-done-error")
        run.date("doneOn", str(int(day)), str(int(month)), year)
        run.press("Record the action as done")
        expect("recorded=actionDone" in driver.current_url, f"after marking it done: {driver.current_url}")
        expect("Immediate actions still open" not in driver.page_source, "the action is still listed as open")
        run.check("16-action-done")
        print(json.dumps({"ok": True, "pages": run.pages}))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
