/// What a call's headers alone say of its caller, checked before its body is read so that a
/// caller without a credential never makes the server hold a body (issue 17, item 2).
package enum CallerCheck: Sendable, Equatable {
    /// A credential the service accepts (whether its roles allow this method is decided later).
    case known
    /// The method needs no credential and none was checked.
    case anonymous
    /// The method needs a credential and the headers carry none it accepts: the body is not
    /// read and the call is refused by the interceptors, which say why.
    case refused
}

/// Checks a call's caller from its method and metadata; runs on an event loop, so it must be
/// quick and must not block.
package typealias CallerGate = @Sendable (_ method: MethodInfo, _ metadata: Metadata) -> CallerCheck
