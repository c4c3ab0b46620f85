import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Closes the descriptors this process owns, checking that each is closed exactly once.
///
/// A descriptor closed twice is worse than an error: between the two closes its number may
/// have been reused by another thread (SQLite opening a database or its WAL), and the second
/// close then takes that file away from its owner, whose next read or write fails with
/// SQLITE_IOERR_READ (266) or SQLITE_IOERR_WRITE (778) (issue 17 item 17). So a close that
/// answers EBADF stops a debug build, and is reported on standard error in a release build.
package enum Descriptor {
    /// Closes `fd`, which the caller owns and never touches again.
    package static func close(_ fd: Int32, file: StaticString = #fileID, line: UInt = #line) {
        // EINTR needs no retry: Linux has released the number before the call returns.
        guard Glibc.close(fd) != 0, errno == EBADF else { return }
        reportDoubleClose(fd, file: file, line: line)
    }

    private static func reportDoubleClose(_ fd: Int32, file: StaticString, line: UInt) {
        let text = "descriptor \(fd) closed at \(file):\(line) was not open: closed twice, or never ours"
        FileHandle.standardError.write(Data("{\"level\":\"error\",\"message\":\"\(text)\"}\n".utf8))
        assertionFailure(text)
    }
}
