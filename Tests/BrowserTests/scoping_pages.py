#!/usr/bin/env python3
"""intake's scoping pages in real chromium (Selenium + chromium-driver), with axe-core on every page.

The dashboard's case page (the gateway) links to intake's pages and shows no personal data; the
partnership-support officer follows the link, sends a scoping request (refused once for no agency
ticked) and opens the letters and the case file; an agency's user sees only the case that asked
it, records its return (refused once by RecordScopingReturn's own rule) and cannot open another
agency's case. Prints one JSON line; exits non-zero on the first failure. Run by
Tests/IntakeTests/Pages/ScopingPagesBrowserTests.swift against real intake and gateway processes.

The officer also decides a possible match of the child (a referral without a date of birth,
case --matched): refused once without a choice, then confirmed, and that case is merged. A
panel member extends the police's T3 from the case file (refused once by RecordExtension).

Usage: scoping_pages.py --base URL --dashboard URL --staff T --agency T --panel T --reference R --other R --matched R --child NAME --artifacts DIR
"""
import argparse
import json
import os
import sys
import urllib.request

from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from referral_form import Run, browser, expect, fail  # noqa: E402


def dashboard_page(url, token):
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=20) as answer:
        return answer.read().decode("utf-8")


def sign_in(run, token, destination):
    expect("/sign-in" in run.driver.current_url, f"expected the sign-in page, got {run.driver.current_url}")
    run.type("token", token)
    run.press("Sign in")
    expect(run.driver.current_url.endswith(destination), f"after sign-in: {run.driver.current_url}")


def main():
    parser = argparse.ArgumentParser()
    for name in ("base", "dashboard", "staff", "agency", "panel", "reference", "other", "matched", "child", "artifacts"):
        parser.add_argument("--" + name, required=True)
    args = parser.parse_args()
    os.makedirs(args.artifacts, exist_ok=True)
    reference = args.reference

    # The dashboard's case page links to intake's pages and holds no personal data.
    case_page = dashboard_page(f"{args.dashboard}/cases/{reference}", args.panel)
    link = f'{args.base}/scoping/{reference}"'
    expect(link in case_page, "the dashboard's case page does not link to intake's scoping page")
    expect(args.child not in case_page, "the dashboard's case page shows the child's name")

    driver = browser()
    try:
        run = Run(driver, args.artifacts)
        driver.get(f"{args.base}/scoping/{reference}")
        sign_in(run, args.staff, f"/scoping/{reference}")
        run.check("21-scoping-form")
        run.press("Send the scoping requests")
        expect(driver.title.startswith("Error: "), f"nothing ticked, the title is {driver.title!r}")
        expect("Choose at least one agency" in driver.page_source, "no agency ticked is not refused")
        run.check("22-scoping-refused")
        run.field("requests[1].selected").click()
        run.type("requests[1].contact.name", "Dana Sample")
        run.type("requests[1].contact.agencyAndDesignation", "Testshire Police, Detective Inspector")
        run.press("Send the scoping requests")
        expect(f"/letters/{reference}" in driver.current_url, f"expected the letters, got {driver.current_url}")
        expect("To Testshire Police" in driver.page_source, "the letter to the police is not shown")
        back = driver.find_elements(By.CSS_SELECTOR, f'a[href="{args.dashboard}/cases/{reference}"]')
        expect(len(back) == 1, "the letters do not link back to the dashboard")
        run.check("23-letters")
        driver.get(f"{args.base}/case-file/{reference}")
        expect(args.child in driver.page_source, "the case file lacks the child")
        run.check("24-case-file")
        # A possible match of the child: the home page links to it; no choice is refused; confirmed, merged.
        driver.get(f"{args.base}/")
        expect(f'href="/child-matches/{args.matched}"' in driver.page_source, "the home page does not link to the possible match")
        driver.get(f"{args.base}/child-matches/{args.matched}")
        expect("Not given" in driver.page_source, "the match page does not show the missing date of birth")
        run.check("24a-child-match")
        run.press("Record the decision")
        expect(driver.title.startswith("Error: "), f"no choice made: the title is {driver.title!r}")
        run.check("24b-child-match-refused")
        run.choose("sameChild", "yes")
        run.press("Record the decision")
        expect("was merged into" in driver.page_source, "the confirmed match did not merge the later case")
        run.check("24c-child-match-merged")
        run.press("Sign out")

        # A panel member extends the police's T3 from the case file: a date not later than the
        # current one is refused beside it by RecordExtension (T3), values kept; then recorded.
        driver.get(f"{args.base}/case-file/{reference}")
        sign_in(run, args.panel, f"/case-file/{reference}")
        run.follow("Extend a deadline")
        expect(driver.current_url.endswith(f"/extension/{reference}"), f"expected the extension form, got {driver.current_url}")
        run.check("24d-extension-form")
        run.choose("rule", "T3")
        run.choose("subject", "Testshire Police")
        run.date("newDue", "25", "3", "2025")
        run.type("reason", "Fictional: records held off site")
        run.press("Record the extension")
        expect(driver.title.startswith("Error: "), f"a date not later: the title is {driver.title!r}")
        beside = driver.find_element(By.ID, "newDue-error").text
        expect("T3" in beside and "not later" in beside, f"beside the new date: {beside!r}")
        expect(run.field("reason").get_attribute("value") == "Fictional: records held off site", "the reason was lost")
        run.check("24e-extension-refused")
        run.date("newDue", "30", "4", "2025")
        run.press("Record the extension")
        expect("recorded=1" in driver.current_url, f"after the extension: {driver.current_url}")
        expect("Extension recorded" in driver.page_source, "the extension is not confirmed")
        expect("T3: Testshire Police</td><td>2025-04-30</td>" in driver.page_source, "the new due date is not shown")
        run.check("24f-extension-recorded")
        run.press("Sign out")

        # An agency's user: only the case that asked its agency.
        driver.get(f"{args.base}/returns")
        sign_in(run, args.agency, "/returns")
        expect(reference in driver.page_source and args.other not in driver.page_source, "the agency's list shows another agency's case")
        run.check("25-returns")
        run.follow(reference)
        run.type("scopingReturn.completedBy.name", "Dana Sample")
        run.type("scopingReturn.completedBy.agencyAndDesignation", "Testshire Police, Detective Inspector")
        run.date("scopingReturn.dateCompleted", "24", "3", "2025")
        run.choose("scopingReturn.knownToAgency", "yes")
        run.check("26-return-form")
        run.press("Record the return")
        expect(driver.title.startswith("Error: "), f"a known family without a summary: the title is {driver.title!r}")
        beside = driver.find_element(By.ID, "scopingReturn-involvementSummary-error").text
        expect("required" in beside, f"beside the summary: {beside!r}")
        expect(run.field("scopingReturn.completedBy.name").get_attribute("value") == "Dana Sample", "the return's values not kept")
        run.check("27-return-refused")
        run.type("scopingReturn.involvementSummary", "A fictional summary of the police's involvement.")
        run.press("Record the return")
        expect(f"/returns-recorded/{reference}" in driver.current_url, f"expected the confirmation, got {driver.current_url}")
        run.check("28-return-recorded")
        driver.get(f"{args.base}/returns/{args.other}")
        expect("no request to Testshire Police on this case is open to this token" in driver.page_source, "another agency's case opened")
        expect(args.child not in driver.page_source, "the refusal shows a child's name")
        run.check("29-other-case-refused")
        run.press("Sign out")
        # After all of it, the dashboard's pages still hold no names.
        for path in ("/", f"/cases/{reference}", f"/cases/{args.other}"):
            shown = dashboard_page(args.dashboard + path, args.panel)
            for name in (args.child, "Other Fictional-Child", "Dana Sample"):
                expect(name not in shown, f"the dashboard's {path} shows {name}")
        print(json.dumps({"ok": True, "pages": run.pages}))
    except SystemExit:
        raise
    except Exception as error:  # noqa: BLE001
        fail(f"{type(error).__name__}: {error}")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
