import Testing

/// Peers we did not write (Python grpcio, grpcio-health-checking, h2, curl) against our server
/// and client, and bad input from misbehaving clients. One test at a time: they start processes
/// and servers, and some watch the clock, on machines with few cores.
@Suite("Interop", .serialized)
struct InteropTests {}
