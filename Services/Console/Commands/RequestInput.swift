import Foundation

/// A request's JSON as the command line gives it: literal JSON, `@file`, `-` for standard
/// input, or nothing (the empty message).
package enum RequestInput {
    /// The bytes, checked to be JSON (the service judges the fields).
    package static func read(_ argument: String?, io: ConsoleIO) throws(ConsoleError) -> Data {
        let data: Data
        let source: String
        switch argument {
        case nil:
            return Data("{}".utf8)
        case "-":
            data = io.standardInput()
            source = "standard input"
        case let text? where text.hasPrefix("@"):
            let path = String(text.dropFirst())
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw .input("cannot read \(path): \((error as NSError).localizedDescription)")
            }
            source = path
        case let text?:
            data = Data(text.utf8)
            source = "the JSON argument"
        }
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw .input("\(source) is not valid JSON")
        }
        return data
    }

    /// A file named by a friendly command (`referral.json` or `-`), checked to be JSON.
    package static func file(_ argument: String, io: ConsoleIO) throws(ConsoleError) -> Data {
        try read(argument == "-" ? "-" : "@" + argument, io: io)
    }

    /// `data` as the request `T`, accepting either `T` itself or its one field wrapped
    /// (`{"referral": {...}}` for a referral): INVALID_ARGUMENT naming the field otherwise,
    /// before anything is sent.
    package static func decode<T: Decodable>(_ type: T.Type, from data: Data, wrappedIn key: String) throws(ConsoleError) -> T {
        var body = data
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], object.count == 1, let inner = object[key],
            let unwrapped = try? JSONSerialization.data(withJSONObject: inner)
        {
            body = unwrapped
        }
        do {
            return try JSONCodecBridge.decode(type, from: body)
        } catch {
            throw ConsoleError.refused(error)
        }
    }
}
