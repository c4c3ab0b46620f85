import Contract

/// Obviously fictional samples of `CheckDisclosure`'s messages, answered by intake and
/// review-management alike (P4): a finding of every kind.
extension Samples {
    static let checkDisclosure = DisclosureAPI.CheckDisclosureRequest(
        caseReference: reference, text: "Learning review: Child Z\nZedora spoke to the police; SAMPLE took notes.")
    static let disclosureFindings = DisclosureAPI.CheckDisclosureResponse(findings: [
        .init(kind: .name, whose: "mother", offset: 25, length: 6, line: 2),
        .init(kind: .alias, whose: "child", offset: 40, length: 5, line: 2),
        .init(kind: .address, whose: "child", offset: 60, length: 17, line: 3),
        .init(kind: .postcode, whose: "child", offset: 80, length: 7, line: 3),
        .init(kind: .dateOfBirth, whose: "child", offset: 90, length: 12, line: 4),
        .init(kind: .practitionerName, whose: "review team member", offset: 50, length: 6, line: 2),
    ])
}
