import Contract
import WorkingDays

/// The parts of the yearly report publication holds itself: the year's publications with T9
/// and T10, their recommendations, and the action plan items open at some time in the year.
enum YearlyReportBuilder {
    /// The publications dated in `year`, oldest first, with T9 and T10 as they came out.
    static func publications(_ publications: [Publication], year: Int, _ clock: CaseClock) -> [PublicationAPI.YearlyPublication] {
        publications.compactMap { publication -> PublicationAPI.YearlyPublication? in
            guard let published = publication.published, published.publishedOn.year == year else { return nil }
            let (t9, t10) = (publication.t9(clock), publication.t10(clock))
            return PublicationAPI.YearlyPublication(
                caseReference: publication.reference, document: published.document, publishedOn: published.publishedOn, address: published.address,
                t9: t9.map(YearlyFigures.timeliness), t10: t10.map(YearlyFigures.timeliness),
                extended: [t9, t10].contains { $0?.originalDue != nil })
        }
        .sorted { ($0.publishedOn, $0.caseReference) < ($1.publishedOn, $1.caseReference) }
    }

    /// The recommendations of the reports published in `year`, with their items' progress.
    static func recommendations(_ publications: [Publication], year: Int) -> [PublicationAPI.YearlyRecommendation] {
        publications.filter { $0.published?.publishedOn.year == year }.sorted { $0.reference < $1.reference }.flatMap { publication in
            publication.preparation.recommendations.map { recommendation in
                let items = publication.actionItems.filter { $0.recommendationNumber == recommendation.number }
                return PublicationAPI.YearlyRecommendation(
                    caseReference: publication.reference, recommendation: recommendation, items: items.count,
                    closedItems: items.count { $0.status == .closed })
            }
        }
    }

    /// Items open at some time in `year`: added by its end, and not closed before its start.
    static func actionItems(_ plans: [CaseActionPlan], year: Int, _ clock: CaseClock) -> [PublicationAPI.YearlyActionItem] {
        plans.sorted { $0.reference < $1.reference }.flatMap { plan in
            let deadlines = plan.plan.deadlines(ruleSet: plan.ruleSet, clock)
            return plan.plan.items.filter { item in
                item.addedOn.year <= year && (item.closure.map { $0.judgedOn.year >= year } ?? true)
            }
            .map { item in
                let deadline = deadlines.first { $0.subject == ActionPlanItems.subject(item.number) }
                return PublicationAPI.YearlyActionItem(
                    caseReference: plan.reference, item: item, timeliness: deadline.map(YearlyFigures.timeliness) ?? .open)
            }
        }
    }
}
