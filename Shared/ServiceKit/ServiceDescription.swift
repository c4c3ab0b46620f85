import Contract

/// What `<service> --describe` prints: its identity and peers as `key=value` lines, so that
/// scripts (deploy/local.sh) ask the binary for its port and variable instead of keeping a
/// table of their own.
///
/// ```
/// name=intake
/// port=7101
/// variable=CSPR_INTAKE_URL
/// service=cspr.intake.v1.Intake
/// stage=intake
/// peers=rapid-review
/// roles=service
/// peer.rapid-review=CSPR_RAPID_REVIEW_URL 7102
/// ```
/// `stage` is empty for the gateway; `peers` is a comma-separated list, empty when it calls none;
/// `roles` are those of its own principal in the tokens file; a `peer.<name>` line per peer gives
/// its variable and default port, so a script can address a peer it has no binary of (one not
/// deployed yet) where it would be.
package struct ServiceDescription: Sendable {
    /// The lines, in order.
    package let fields: [(key: String, value: String)]

    /// The description of `definition`.
    package init(_ definition: ServiceDefinition) {
        let identity = definition.identity
        fields =
            [
                ("name", identity.name), ("port", String(identity.defaultPort)), ("variable", identity.urlVariable), ("service", identity.rpcService),
                ("stage", identity.stage?.rawValue ?? ""), ("peers", definition.peers.map(\.name).joined(separator: ",")),
                ("roles", identity.principalRoles.map(\.rawValue).joined(separator: ",")),
            ] + definition.peers.map { ("peer.\($0.name)", "\($0.urlVariable) \($0.defaultPort)") }
    }

    /// The printed text, one `key=value` line each.
    package var text: String { fields.map { "\($0.key)=\($0.value)\n" }.joined() }
}
