#!/usr/bin/env python3
"""intake's referral form in real chromium (Selenium + chromium-driver), with axe-core on every page.

A partnership-support officer signs in with a token, fills in Appendix 2 with two family members
(each added with "Add another family member", no scripts), is refused once for a missing answer
(the message beside its field, the values kept), checks the answers, submits, and sees the case
reference and deadlines. Prints one JSON line with what it saw; exits non-zero on the first
failure. Run by Tests/IntakeTests/ReferralFormBrowserTests.swift against a real intake process.

Usage: referral_form.py --base http://127.0.0.1:PORT --token TOKEN --artifacts DIR
"""
import argparse
import json
import os
import re
import sys

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

SERIOUS = ("serious", "critical")


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


class Run:
    def __init__(self, driver, artifacts):
        self.driver = driver
        self.artifacts = artifacts
        self.pages = []

    def check(self, name):
        """axe-core on the page as it is: no serious or critical violation; then a screenshot."""
        axe = Axe(self.driver)
        axe.inject()
        results = axe.run()
        bad = [v for v in results["violations"] if v.get("impact") in SERIOUS]
        with open(os.path.join(self.artifacts, f"{name}.axe.json"), "w") as out:
            json.dump(results["violations"], out, indent=1)
        self.driver.execute_script("window.scrollTo(0, 0)")
        self.driver.save_screenshot(os.path.join(self.artifacts, f"{name}.top.png"))
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(1280, min(max(height, 800), 12000))
        self.driver.save_screenshot(os.path.join(self.artifacts, f"{name}.png"))
        self.driver.set_window_size(1280, 1000)
        self.pages.append({"page": name, "title": self.driver.title, "violations": len(results["violations"]), "serious": len(bad)})
        if bad:
            fail(f"{name}: axe found serious or critical violations: " + "; ".join(f"{v['id']} ({v['impact']}): {v['help']}" for v in bad))

    def field(self, name):
        return self.driver.find_element(By.NAME, name)

    def type(self, name, text):
        element = self.field(name)
        element.clear()
        element.send_keys(text)

    def date(self, name, day, month, year):
        self.type(f"{name}.day", day)
        self.type(f"{name}.month", month)
        self.type(f"{name}.year", year)

    def choose(self, name, value):
        self.driver.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{value}"]').click()

    def press(self, text):
        """Clicks a submit button and waits for the page the server answers with."""
        button = self.driver.find_element(By.XPATH, f'//button[normalize-space()="{text}"]')
        old = self.driver.find_element(By.TAG_NAME, "html")
        button.click()
        self.arrive(old)

    def follow(self, text, partial=False):
        """Follows a link and waits for its page, so nothing is looked for in the page it left."""
        link = self.driver.find_element(By.PARTIAL_LINK_TEXT if partial else By.LINK_TEXT, text)
        old = self.driver.find_element(By.TAG_NAME, "html")
        link.click()
        self.arrive(old)

    def arrive(self, old):
        """Waits until the page `old` belonged to is gone. chromedriver sometimes answers a look at
        an element of a page it has left with "Node with given id does not belong to the
        document" rather than a stale element: both mean gone."""

        def gone(_):
            try:
                old.is_enabled()
                return False
            except WebDriverException:
                return True

        WebDriverWait(self.driver, 20).until(gone)
        WebDriverWait(self.driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")


def fail(message):
    print(json.dumps({"ok": False, "failure": message}))
    sys.exit(1)


def expect(condition, message):
    if not condition:
        fail(message)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--artifacts", required=True)
    args = parser.parse_args()
    os.makedirs(args.artifacts, exist_ok=True)
    driver = browser()
    try:
        run = Run(driver, args.artifacts)
        # Not signed in: the form sends the person to sign in, and comes back after.
        driver.get(args.base + "/referrals/new")
        expect("/sign-in" in driver.current_url, f"expected the sign-in page, got {driver.current_url}")
        run.check("01-sign-in")
        run.type("token", "not-a-token-of-anyone-0000")
        run.press("Sign in")
        expect("The token was not accepted" in driver.page_source, "a refused token is not said to be refused")
        expect(driver.title.startswith("Error: "), f"the refused sign-in's title is {driver.title!r}")
        run.check("02-sign-in-refused")
        run.type("token", args.token)
        run.press("Sign in")
        expect(driver.current_url.endswith("/referrals/new"), f"after sign-in: {driver.current_url}")
        cookies = driver.get_cookies()
        expect(any(c["name"] == "cspr-session" and c["httpOnly"] and c.get("sameSite") == "Strict" for c in cookies), f"session cookie: {cookies}")
        run.check("03-referral-form")

        run.date("referral.dateOfReferral", "21", "3", "2025")
        run.date("referral.dateReceived", "24", "3", "2025")
        run.type("referral.referrer.name", "Robin Example")
        run.type("referral.referrer.agencyAndDesignation", "Testshire Health, named nurse")
        run.type("referral.referrer.email", "robin@example.invalid")
        run.type("referral.safeguardingLeadConsulted.name", "Morgan Sample")
        run.type("referral.safeguardingLeadConsulted.agencyAndDesignation", "Testshire Health, designated lead")
        run.type("referral.child.person.name", "Child Fictional-Browser")
        run.date("referral.child.person.dateOfBirth", "14", "2", "2015")
        run.type("referral.child.person.addressHistory[0].address", "1 Imaginary Lane, Testtown")
        run.choose("referral.child.lookedAfter", "no")
        run.choose("referral.child.incident.kind", "seriousHarm")
        run.date("referral.child.incident.date", "18", "3", "2025")

        # Two family members, each added with its button (a POST; the draft keeps what was typed).
        run.press("Add another family member")
        expect(run.field("referral.child.person.name").get_attribute("value") == "Child Fictional-Browser", "the draft lost the child's name")
        run.type("referral.familyMembers[0].person.name", "Parent One-Fictional")
        run.type("referral.familyMembers[0].relationshipToChild", "Mother")
        run.press("Add another family member")
        run.type("referral.familyMembers[1].person.name", "Parent Two-Fictional")
        run.type("referral.familyMembers[1].relationshipToChild", "Stepfather")
        run.date("referral.familyMembers[1].person.dateOfBirth", "2", "5", "1990")
        run.type("referral.reasonForReferral", "Serious harm with neglect suspected.")

        # The outline of the circumstances is left out: refused, beside its field, values kept.
        run.press("Continue to check your answers")
        expect(driver.title.startswith("Error: "), f"the refused form's title is {driver.title!r}")
        summary = driver.find_element(By.CSS_SELECTOR, ".error-summary")
        expect("There is a problem" in summary.text, "no error summary")
        link = summary.find_element(By.TAG_NAME, "a")
        expect(link.get_attribute("href").endswith("#referral-caseBackground"), f"the summary links to {link.get_attribute('href')}")
        beside = driver.find_element(By.ID, "referral-caseBackground-error").text
        expect("required" in beside and beside.startswith("Error:"), f"the message beside the field: {beside!r}")
        described = run.field("referral.caseBackground").get_attribute("aria-describedby")
        expect("referral-caseBackground-error" in (described or ""), f"aria-describedby: {described!r}")
        expect(run.field("referral.familyMembers[1].person.name").get_attribute("value") == "Parent Two-Fictional", "values not kept")
        expect(run.field("referral.dateOfReferral.day").get_attribute("value") == "21", "the date's values not kept")
        run.check("04-referral-form-error")

        run.type("referral.caseBackground", "A fictional outline of the family's circumstances for the browser test.")
        run.press("Continue to check your answers")
        expect("/referrals/check" in driver.current_url, f"expected the check page, got {driver.current_url}")
        expect("Parent Two-Fictional" in driver.page_source and "Stepfather" in driver.page_source, "the check page lacks family member 2")
        expect(len(driver.find_elements(By.PARTIAL_LINK_TEXT, "Change")) > 10, "the check page has no Change links")
        run.check("05-check-answers")

        run.press("Submit the referral")
        expect("/referrals/submitted/" in driver.current_url, f"expected the confirmation, got {driver.current_url}")
        reference = driver.find_element(By.CSS_SELECTOR, ".panel-confirmation .reference").text
        expect(re.fullmatch(r"[A-Z]+-\d{4}-\d+", reference) is not None, f"case reference {reference!r}")
        rules = [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "tbody tr td:first-child")]
        expect("T2" in rules and "T6" in rules, f"deadlines shown: {rules}")
        run.check("06-referral-submitted")

        # A second submit of the same page (the browser's back and submit again) creates nothing twice.
        driver.back()
        run.press("Submit the referral")
        again = driver.find_element(By.CSS_SELECTOR, ".panel-confirmation .reference").text
        expect(again == reference, f"the double submit answered {again!r}, not {reference!r}")

        # The LA notification form: a missing date refused beside its field, then T1 shown.
        driver.get(args.base + "/notifications/new")
        run.check("07-notification-form")
        run.type("notification.child.name", "Child Fictional-Notified")
        run.choose("notification.incident.kind", "death")
        run.date("notification.incident.date", "17", "3", "2025")
        run.type("notification.notifiedBy.name", "Lou Authority")
        run.type("notification.notifiedBy.agencyAndDesignation", "Testshire County Council, Head of Service")
        run.date("notification.notifiedNationalPanel", "19", "3", "2025")
        run.press("Record the notification")
        expect(driver.title.startswith("Error: "), f"the refused notification's title is {driver.title!r}")
        beside = driver.find_element(By.ID, "notification-becameAware-error").text
        expect("Enter the date the local authority became aware" in beside, f"beside the date: {beside!r}")
        expect(run.field("notification.child.name").get_attribute("value") == "Child Fictional-Notified", "the notification's values not kept")
        run.check("08-notification-form-error")
        run.date("notification.becameAware", "17", "3", "2025")
        run.press("Record the notification")
        expect("/notifications/recorded/" in driver.current_url, f"expected the notification's confirmation, got {driver.current_url}")
        notified = driver.find_element(By.CSS_SELECTOR, ".panel-confirmation .reference").text
        expect(notified != reference, "the notification of another child joined the referral's case")
        expect("National Panel" in driver.page_source, "T1 is not shown")
        run.check("09-notification-recorded")

        # Sign out ends the session: the form needs signing in again.
        run.press("Sign out")
        driver.get(args.base + "/referrals/new")
        expect("/sign-in" in driver.current_url, "after sign-out the form still opened")
        print(json.dumps({"ok": True, "reference": reference, "deadlines": rules, "pages": run.pages}))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
