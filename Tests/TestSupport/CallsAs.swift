import RPC

extension RPCClient {
    /// Calls `method` with `token` as its bearer, within `deadline`: the call most tests make.
    package func call<Request, Response>(
        _ method: Method<Request, Response>, _ request: Request, as token: String, deadline: Duration = .seconds(5)
    ) async throws(RPCError) -> Response {
        try await call(method, request, deadline: deadline, metadata: bearer(token))
    }

    /// The error `method` is refused with when called with `token` as its bearer, or nil when it
    /// is answered.
    package func refusal<Request, Response>(
        _ method: Method<Request, Response>, _ request: Request, as token: String, deadline: Duration = .seconds(5)
    ) async -> RPCError? {
        await captureRPCError { _ = try await call(method, request, as: token, deadline: deadline) }
    }
}
