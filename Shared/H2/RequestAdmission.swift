/// What the transport does with a request once its head has arrived, before it keeps any byte of
/// its body. The layer above decides (it knows the credentials; the transport does not).
package enum RequestAdmission: Sendable, Equatable {
    /// Read the body and handle the request. `trusted` says the head carried a credential the
    /// layer above accepts: the connection then keeps the ordinary idle timeout and is never shed.
    case accept(trusted: Bool)
    /// Keep none of the body: the handler is called with an empty body and
    /// `HTTPRequest.bodyRefused` set, and answers with its refusal. The body is dropped as it
    /// arrives: HTTP/2 calls the handler at once (the stream is reset only when its body stalls
    /// past the request timeout); HTTP/1.1 once the announced length has gone by.
    case refuseBody
}
