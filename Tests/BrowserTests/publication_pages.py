#!/usr/bin/env python3
"""publication's pages in real chromium (Selenium + chromium-driver), with axe-core on every page.

The publication team signs in, opens the publications and the case, checks the report at the
anonymisation gate (clean) and signs it off (refused once without the role, the message beside
its field, the values kept), records the publication plan, schedules the publication (the date
the form suggests is refused by T9's "before today" for yesterday, then today, which the form suggests), records it as published, then
adds an action plan item and its progress; then axe-core on every other form as it opens. Prints one JSON line with what it saw; exits non-zero
on the first failure. Run by Tests/PublicationTests/Pages/PublicationBrowserTests.swift.

Usage: publication_pages.py --base URL --reference REF --token TOKEN --today YYYY-MM-DD --artifacts DIR
"""
import argparse
import datetime
import json
import os
import sys

from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from referral_form import Run, browser, expect  # noqa: E402


def error_beside(driver, field_id):
    return driver.find_element(By.ID, f"{field_id}-error").text


def main():
    parser = argparse.ArgumentParser()
    for name in ("--base", "--reference", "--token", "--today", "--artifacts"):
        parser.add_argument(name, required=True)
    args = parser.parse_args()
    os.makedirs(args.artifacts, exist_ok=True)
    year, month, day = (str(int(part)) for part in args.today.split("-"))
    driver = browser()
    try:
        run = Run(driver, args.artifacts)
        ref = args.reference
        driver.get(args.base + "/publications")
        expect("/sign-in" in driver.current_url, f"expected the sign-in page, got {driver.current_url}")
        run.type("token", args.token)
        run.press("Sign in")
        expect(ref in driver.page_source, "the list does not show the case: " + driver.find_element(By.TAG_NAME, "main").text[:400])
        run.check("01-publications")
        run.follow(ref)
        expect("Check the report for disclosure (P4)" in driver.page_source, "the next step is not the gate")
        run.check("02-publication")

        # The anonymisation gate: checked clean, then signed off.
        run.follow("The anonymisation gate", partial=True)
        expect("Not checked yet" in driver.page_source, "the gate's stages are not shown")
        run.check("03-anonymisation-gate")
        run.press("Check the report for disclosure")
        expect("clean" in driver.find_element(By.TAG_NAME, "main").text, "the check is not shown clean")
        run.follow("Sign off the anonymisation")
        run.type("signedOffBy", "Fictional Signer")
        run.date("signedOffOn", day, month, year)
        run.press("Sign off")
        expect(driver.title.startswith("Error: "), f"the refused sign-off's title is {driver.title!r}")
        link = driver.find_element(By.CSS_SELECTOR, ".error-summary a")
        expect(link.get_attribute("href").endswith("#role"), f"the summary links to {link.get_attribute('href')}")
        beside = error_beside(driver, "role")
        expect("P4" in beside and beside.startswith("Error:"), f"the message beside the role: {beside!r}")
        expect(run.field("signedOffBy").get_attribute("value") == "Fictional Signer", "the values typed were lost")
        run.check("04-sign-off-error")
        run.type("role", "Partnership business manager")
        run.press("Sign off")
        expect("recorded=sign-off" in driver.current_url, f"after signing off: {driver.current_url}")
        expect("passed" in driver.page_source, "the gate is not shown passed")

        # The publication plan (P3).
        run.follow("Record the publication plan (P3)")
        run.type("practitionersInformed", "Fictional: briefed by their leads a week before")
        run.type("mediaContact", "Partnership business manager")
        run.type("strategicLeads", "Head of Communications\nPolice press office")
        run.check("05-publication-plan")
        run.press("Record the plan")
        expect("recorded=plan" in driver.current_url, f"after the plan: {driver.current_url}")

        # Scheduling: yesterday is refused (T9: not before today), then today, which the form suggests.
        run.follow("Schedule the publication (T9)")
        suggested = [run.field(f"publicationDate.{part}").get_attribute("value") for part in ("day", "month", "year")]
        expect(suggested == [day, month, year], f"the form suggests {suggested}, not today")
        yesterday = datetime.date.fromisoformat(args.today) - datetime.timedelta(days=1)
        run.date("publicationDate", str(yesterday.day), str(yesterday.month), str(yesterday.year))
        run.type("address", "https://testshire.example/cspr/" + ref)
        run.press("Schedule the publication")
        expect(driver.title.startswith("Error: "), f"the refused schedule's title is {driver.title!r}")
        beside = error_beside(driver, "publicationDate")
        expect("T9" in beside, f"the message beside the date: {beside!r}")
        run.check("06-schedule-error")
        run.date("publicationDate", day, month, year)
        run.press("Schedule the publication")
        expect("recorded=schedule" in driver.current_url, f"after scheduling: {driver.current_url}")
        run.check("07-scheduled")

        run.follow("Record the publication (P5)")
        run.check("08-published-form")
        run.press("Record as published")
        expect("recorded=published" in driver.current_url, f"after publishing: {driver.current_url}")
        expect("Publication recorded" in driver.page_source, "no confirmation of the publication")

        # The action plan: an item and its progress.
        run.follow("The action plan")
        run.follow("Add an item")
        run.type("agreedAction", "Fictional: a shared record of concerns")
        run.type("ownerAgency", "Testshire Health")
        run.type("leadOfficer", "Named Nurse")
        run.date("targetDate", "31", "3", str(int(year) + 1))
        run.check("09-action-item")
        run.press("Add the item")
        expect("recorded=item" in driver.current_url, f"after adding the item: {driver.current_url}")
        run.follow("Record progress on an item")
        run.choose("itemNumber", "1")
        run.date("date", day, month, year)
        run.type("text", "Fictional: briefings given to two teams")
        run.choose("rag", "amber")
        run.press("Record the progress")
        expect("recorded=progress" in driver.current_url, f"after the progress: {driver.current_url}")
        expect("(AMBER)" in driver.page_source, "the progress is not on the plan")
        run.check("10-action-plan")

        # axe-core on the other pages as they open: each form empty, the home, national learning.
        for name, path in (
            ("11-home", "/"), ("12-advance-copy", f"/advance-copy/{ref}"), ("13-repository", f"/repository/{ref}"),
            ("14-not-publishing", f"/not-publishing/{ref}"), ("15-hold", f"/hold/{ref}"), ("16-delay-notice", f"/delay-notice/{ref}"),
            ("17-archive", f"/archive/{ref}"), ("18-action-close", f"/action-close/{ref}"), ("19-learning-plan", f"/learning-plan/{ref}"),
            ("20-national-learning", "/national-learning"), ("21-action-items", f"/action-plan-items/{ref}"),
        ):
            driver.get(args.base + path)
            expect(driver.title and "not found" not in driver.title.lower(), f"{path}: {driver.title!r}")
            run.check(name)
        print(json.dumps({"ok": True, "pages": run.pages}))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
