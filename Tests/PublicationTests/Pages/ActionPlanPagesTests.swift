import Contract
import Foundation
import ServiceTestSupport
import TestSupport
import Testing

/// The action plan as forms over real sockets (P6, Appendix 16): an item added once for a
/// double submit (the page's key, though AddActionPlanItem takes none), progress, a closure
/// refused without its evidence, and the plan's printable page.
@Suite("publication's pages: action plans", .serialized)
struct ActionPlanPagesTests {
    static func item(_ action: String = "Fictional: a shared record of concerns") -> [(String, String)] {
        [
            ("source", "recommendation"), ("recommendationNumber", "1"), ("agreedAction", action), ("ownerAgency", "Testshire Health"),
            ("leadOfficer", "Named Nurse"),
        ] + dateFields("targetDate", "2027-03-31")
    }

    @Test("P6: a double submit of an item adds one item, one after the other or at once")
    func addOnce() async throws {
        try await withPrepared(331) { harness, reference in
            let session = try await PageSession.signIn(harness, TestTokens.publication)
            let first = try await session.post("/action-plan-item/\(reference)", Self.item(), key: "item-once")
            let second = try await session.post("/action-plan-item/\(reference)", Self.item(), key: "item-once")
            #expect(first.status == 303 && second.status == 303)
            #expect(first.headers["location"] == "/action-plan/\(reference)?recorded=item")
            #expect(try await harness.actionPlan(reference).items.count == 1)
            let answers = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        try await session.post("/action-plan-item/\(reference)", Self.item("Fictional: a second action"), key: "item-at-once").status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers == [303, 303])
            #expect(
                try await harness.actionPlan(reference).items.map(\.agreedAction) == [
                    "Fictional: a shared record of concerns", "Fictional: a second action",
                ])
        }
    }

    @Test("P6: progress recorded; a closure without evidence refused beside its field with its rule id, values kept; closed with it")
    func progressAndClose() async throws {
        try await withPrepared(332) { harness, reference in
            try await harness.addItem(reference)
            let session = try await PageSession.signIn(harness, TestTokens.publication)
            let form = try await session.get("/action-progress/\(reference)")
            #expect(form.body.contains("Item 1: Fictional: a shared record of concerns"))
            let progress = try await session.post(
                "/action-progress/\(reference)",
                [("itemNumber", "1"), ("text", "Fictional: briefings given"), ("rag", "amber")] + dateFields("date", Fixtures.todayText),
                key: "progress")
            #expect(progress.status == 303)
            let rows = try await harness.actionPlanRows()
            let refused = try await session.post(
                "/action-close/\(reference)", [("itemNumber", "1"), ("judgedBy", "Case Review Panel")] + dateFields("judgedOn", Fixtures.todayText),
                key: "close-refused")
            #expect(refused.status == 400)
            #expect(refused.body.contains("href=\"#evidence\""))
            #expect(refused.body.contains("id=\"evidence-error\""))
            #expect(refused.body.contains("P6: item 1 is closed only with evidence"))
            #expect(refused.body.contains("value=\"Case Review Panel\""))
            #expect(try await harness.actionPlanRows() == rows)
            let closed = try await session.post(
                "/action-close/\(reference)",
                [("itemNumber", "1"), ("judgedBy", "Case Review Panel"), ("evidence", "Fictional: an audit of 20 cases")]
                    + dateFields("judgedOn", Fixtures.todayText),
                key: "close")
            #expect(closed.status == 303)
            let plan = try await harness.actionPlan(reference)
            #expect(plan.items.first?.status == .closed)
            #expect(plan.items.first?.progress.map(\.rag) == [.amber])
        }
    }

    @Test("the plan is a printable page (A4 print stylesheet); the chair reads it but may not add an item")
    func printableAndRoles() async throws {
        try await withPrepared(333) { harness, reference in
            try await harness.addItem(reference)
            let chair = try await PageSession.signIn(harness, TestTokens.chair)
            let page = try await chair.get("/action-plan/\(reference)")
            #expect(page.status == 200)
            #expect(page.body.contains("<article class=\"document\">"))
            #expect(page.body.contains("Fictional: a shared record of concerns"))
            #expect(!page.body.contains("href=\"/action-plan-item/"))
            expectNoPersonalData(page.body)
            #expect(try await chair.get("/style.css").body.contains("size: A4"))
            let rows = try await harness.actionPlanRows()
            #expect(try await chair.post("/action-plan-item/\(reference)", Self.item(), key: "chair-item").status == 403)
            #expect(try await harness.actionPlanRows() == rows)
        }
    }

    /// Item `index` of the repeating form.
    static func items(_ actions: [String]) -> [(String, String)] {
        var fields: [(String, String)] = [("count.items", "\(actions.count)")]
        for (index, action) in actions.enumerated() {
            fields +=
                [
                    ("items[\(index)].source", "recommendation"), ("items[\(index)].recommendationNumber", "1"),
                    ("items[\(index)].agreedAction", action),
                    ("items[\(index)].ownerAgency", "Testshire Health"), ("items[\(index)].leadOfficer", "Named Nurse"),
                ] + dateFields("items[\(index)].targetDate", "2027-03-31")
        }
        return fields
    }

    @Test("P6: several items in one form: one per recommendation to start, Add another keeps what was typed, a refusal stops at its item")
    func severalItems() async throws {
        try await withPrepared(334) { harness, reference in
            let session = try await PageSession.signIn(harness, TestTokens.publication)
            let path = "/action-plan-items/\(reference)"
            let form = try await session.get(path)
            #expect(form.body.contains("name=\"items[0].recommendationNumber\" value=\"1\""))
            let added = try await session.post(path, Self.items(["Fictional: first"]) + [("action", "add:items")])
            #expect(added.body.contains("id=\"items-1--agreedAction\""), "Add another item gives a second, empty item")
            #expect(added.body.contains("Fictional: first"))
            #expect(try await harness.actionPlan(reference).items.isEmpty)

            let fields = Self.items(["Fictional: first", "", "Fictional: third"]) + [("action", "items")]
            let refused = try await session.post(path, fields, key: "items-partial")
            #expect(refused.status == 400)
            #expect(refused.body.contains("1 item added"))
            #expect(refused.body.contains("href=\"#items-0--agreedAction\""), "the refused item is now the first on the form")
            #expect(refused.body.contains("Item 1&#39;s agreed action: P6") || refused.body.contains("Item 1's agreed action: P6"))
            #expect(refused.body.contains("Fictional: third"), "the items after it are kept")
            #expect(try await harness.actionPlan(reference).items.map(\.agreedAction) == ["Fictional: first"])
            // Sent again, the same post adds nothing more: it shows the plan.
            let again = try await session.post(path, fields, key: "items-partial")
            #expect(again.status == 303)
            #expect(try await harness.actionPlan(reference).items.count == 1)

            let rest = try await session.post(path, Self.items(["Fictional: second", "Fictional: third"]) + [("action", "items")], key: "items-rest")
            #expect(rest.headers["location"] == "/action-plan/\(reference)?recorded=items")
            #expect(
                try await harness.actionPlan(reference).items.map(\.agreedAction) == ["Fictional: first", "Fictional: second", "Fictional: third"])
        }
    }
}
