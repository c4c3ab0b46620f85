import RPC

/// Polls `condition` until it holds or `timeout` passes; returns its last answer. For things
/// that happen in the background (a hand-over delivered, a process gone), never for timing.
package func eventually(within timeout: Duration, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(25))
    }
    return try await condition()
}

/// Call metadata carrying a bearer token.
package func bearer(_ token: String) -> Metadata {
    var metadata = Metadata()
    metadata.add("authorization", "Bearer \(token)")
    return metadata
}
