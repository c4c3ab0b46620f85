import WorkingDays

// The anonymisation gate (P4, V10): a report version is checked against every person the
// stages hold, then signed off by a named person; only then may it be scheduled or published.
extension PublicationAPI {
    /// `CheckReportForDisclosure`: check a report version's text (every section with its title)
    /// against every person intake and review-management hold for the case (P4), and for the
    /// reviewers' names and the genogram (V10).
    package struct CheckReportForDisclosureRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The version checked: the version to be published.
        package var reportVersion: Int
        package init(caseReference: CaseReference, reportVersion: Int) {
            self.caseReference = caseReference
            self.reportVersion = reportVersion
        }
    }

    /// What the gate found.
    package enum GateFindingKind: String, WireEnum {
        /// A family member's name, or a part of it.
        case name
        /// A name a family member is also known as.
        case alias
        /// A line of an address.
        case address
        /// A postcode.
        case postcode
        /// A date of birth.
        case dateOfBirth
        /// A practitioner's name (practitioners are not named in a published report).
        case practitionerName
        /// The lead reviewer is not named in the text (P4, §10.5.2: reports name the reviewers).
        case reviewerNotNamed
        /// The text mentions the genogram, which is never part of the published report (V10).
        case genogram
    }

    /// One finding: what, whose, which stage found it and where. The matched text is never
    /// kept: the positions are enough, and the text is held here.
    package struct GateFinding: Sendable, Equatable, Codable {
        /// What kind.
        package var kind: GateFindingKind
        /// Whose: "child", a relationship ("mother"), a practitioner's part, or "lead reviewer".
        package var whose: String?
        /// Who found it: `intake`, `review-management`, or `publication` (reviewers, genogram).
        package var foundBy: String
        /// The part of the report: `whatHappened`, `whatHappened.title`, `otherSections[0].text`...;
        /// absent for what is missing from the whole text (the lead reviewer's name).
        package var section: String?
        /// Where it starts in that part, in UTF-8 bytes.
        package var offset: Int?
        /// Its length in UTF-8 bytes.
        package var length: Int?
        /// Its line in that part, from 1.
        package var line: Int?
        package init(
            kind: GateFindingKind, whose: String? = nil, foundBy: String, section: String? = nil, offset: Int? = nil, length: Int? = nil,
            line: Int? = nil
        ) {
            self.kind = kind
            self.whose = whose
            self.foundBy = foundBy
            self.section = section
            self.offset = offset
            self.length = length
            self.line = line
        }
    }

    /// A check as recorded: the version, when, by whom, what was found.
    package struct DisclosureCheck: Sendable, Equatable, Codable {
        /// Its number on the case, from 1.
        package var number: Int
        /// The version checked.
        package var reportVersion: Int
        /// When.
        package var checkedOn: CivilDate
        /// Who asked for it.
        package var checkedBy: String
        /// Every finding, part by part in report order.
        package var findings: [GateFinding]
        /// True when nothing was found.
        package var clean: Bool
        package init(number: Int, reportVersion: Int, checkedOn: CivilDate, checkedBy: String, findings: [GateFinding]) {
            self.number = number
            self.reportVersion = reportVersion
            self.checkedOn = checkedOn
            self.checkedBy = checkedBy
            self.findings = findings
            self.clean = findings.isEmpty
        }
    }

    /// `CheckReportForDisclosure`'s answer: the check as recorded.
    package struct CheckReportForDisclosureResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The check.
        package var check: DisclosureCheck
        package init(caseReference: CaseReference, check: DisclosureCheck) {
            self.caseReference = caseReference
            self.check = check
        }
    }

    /// `SignOffAnonymisation`: a named person confirms that a version, checked clean, is
    /// anonymised (P4).
    package struct SignOffAnonymisationRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The version signed off: the version to be published, checked clean.
        package var reportVersion: Int
        /// Who signs off, by name.
        package var signedOffBy: String
        /// Their role.
        package var role: String
        /// When.
        package var signedOffOn: CivilDate
        package init(caseReference: CaseReference, reportVersion: Int, signedOffBy: String, role: String, signedOffOn: CivilDate) {
            self.caseReference = caseReference
            self.reportVersion = reportVersion
            self.signedOffBy = signedOffBy
            self.role = role
            self.signedOffOn = signedOffOn
        }
    }

    /// A sign-off as recorded.
    package struct AnonymisationSignOff: Sendable, Equatable, Codable {
        /// Its number on the case, from 1.
        package var number: Int
        /// The version signed off.
        package var reportVersion: Int
        /// The clean check it follows.
        package var checkNumber: Int
        /// Who signed off, by name.
        package var signedOffBy: String
        /// Their role.
        package var role: String
        /// When.
        package var signedOffOn: CivilDate
        /// Who recorded it.
        package var recordedBy: String
        package init(
            number: Int, reportVersion: Int, checkNumber: Int, signedOffBy: String, role: String, signedOffOn: CivilDate, recordedBy: String
        ) {
            self.number = number
            self.reportVersion = reportVersion
            self.checkNumber = checkNumber
            self.signedOffBy = signedOffBy
            self.role = role
            self.signedOffOn = signedOffOn
            self.recordedBy = recordedBy
        }
    }

    /// `SignOffAnonymisation`'s answer: the sign-off as recorded.
    package struct SignOffAnonymisationResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The sign-off.
        package var signOff: AnonymisationSignOff
        package init(caseReference: CaseReference, signOff: AnonymisationSignOff) {
            self.caseReference = caseReference
            self.signOff = signOff
        }
    }

    /// `ReviseReport`: new text for the report, which becomes a new version (P4: any revision
    /// is a new version and is checked again; T9: it is sent again).
    package struct ReviseReportRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The revised text, section by section (never the genogram, V10).
        package var sections: ReportSections
        /// Why it was revised.
        package var reason: String
        package init(caseReference: CaseReference, sections: ReportSections, reason: String) {
            self.caseReference = caseReference
            self.sections = sections
            self.reason = reason
        }
    }

    /// A revision as recorded: a new version of the report.
    package struct ReportRevision: Sendable, Equatable, Codable {
        /// The new version: one more than the version it revises.
        package var reportVersion: Int
        /// Its text.
        package var sections: ReportSections
        /// Why it was revised.
        package var reason: String
        /// When.
        package var revisedOn: CivilDate
        /// Who recorded it.
        package var recordedBy: String
        package init(reportVersion: Int, sections: ReportSections, reason: String, revisedOn: CivilDate, recordedBy: String) {
            self.reportVersion = reportVersion
            self.sections = sections
            self.reason = reason
            self.revisedOn = revisedOn
            self.recordedBy = recordedBy
        }
    }

    /// `ReviseReport`'s answer: the new version, and the recipients it must be sent to again (T9).
    package struct ReviseReportResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The revision.
        package var revision: ReportRevision
        /// The recipients without a copy of the new version: all three (T9).
        package var advanceCopiesMissing: [AdvanceCopyRecipient]
        package init(caseReference: CaseReference, revision: ReportRevision, advanceCopiesMissing: [AdvanceCopyRecipient]) {
            self.caseReference = caseReference
            self.revision = revision
            self.advanceCopiesMissing = advanceCopiesMissing
        }
    }
}
