/// Runs `body` with `resource`, then `stop`s it whether `body` returns or throws: the async
/// `defer` Swift does not have. When `body` threw, its error is the one thrown, not the stop's.
package func withStopping<Resource, T>(
    _ resource: Resource, stop: (Resource) async throws -> Void, _ body: (Resource) async throws -> T
) async throws -> T {
    let result: T
    do {
        result = try await body(resource)
    } catch {
        try? await stop(resource)
        throw error
    }
    try await stop(resource)
    return result
}
