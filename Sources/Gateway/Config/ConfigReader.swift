import ChannelKit

/// Reads one JSON object of the configuration file, knowing where it is, so every error names the
/// file, the path and the reason. Errors are collected in the shared ``ConfigDiagnostics``.
struct ConfigReader {
    let file: String
    let path: String
    let object: [String: JSONValue]
    let diagnostics: ConfigDiagnostics

    /// Reports every key not in `allowed` as an error (a typo must not be silently ignored).
    func rejectUnknownKeys(_ allowed: Set<String>) {
        for key in object.keys.sorted() where !allowed.contains(key) {
            diagnostics.error(file: file, path: child(key), reason: "unknown key (expected one of: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    func child(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    func string(_ key: String) -> String? {
        switch object[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        case let other?:
            diagnostics.error(file: file, path: child(key), reason: "expected a string, found \(other.typeName)")
            return nil
        }
    }

    func requireString(_ key: String) -> String? {
        guard let value = string(key) else {
            if object[key] == nil || object[key] == .null {
                diagnostics.error(file: file, path: child(key), reason: "is required")
            }
            return nil
        }
        if value.trimmingCharacters(in: .whitespaces).isEmpty {
            diagnostics.error(file: file, path: child(key), reason: "must not be empty")
            return nil
        }
        return value
    }

    func bool(_ key: String) -> Bool? {
        switch object[key] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        case let other?:
            diagnostics.error(file: file, path: child(key), reason: "expected true or false, found \(other.typeName)")
            return nil
        }
    }

    func number(_ key: String, in range: ClosedRange<Double>) -> Double? {
        switch object[key] {
        case nil, .null?: return nil
        case .number(let value)? where range.contains(value): return value
        case .number(let value)?:
            diagnostics.error(file: file, path: child(key), reason: "\(value) is out of range \(range.lowerBound)…\(range.upperBound)")
            return nil
        case let other?:
            diagnostics.error(file: file, path: child(key), reason: "expected a number, found \(other.typeName)")
            return nil
        }
    }

    func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = number(key, in: Double(range.lowerBound)...Double(range.upperBound)) else { return nil }
        guard value == value.rounded() else {
            diagnostics.error(file: file, path: child(key), reason: "expected a whole number, found \(value)")
            return nil
        }
        return Int(value)
    }

    func stringArray(_ key: String) -> [String]? {
        switch object[key] {
        case nil, .null?: return nil
        case .array(let values)?:
            var strings: [String] = []
            for (index, value) in values.enumerated() {
                if case .string(let text) = value {
                    strings.append(text)
                } else {
                    diagnostics.error(file: file, path: "\(child(key))[\(index)]", reason: "expected a string, found \(value.typeName)")
                }
            }
            return strings
        case let other?:
            diagnostics.error(file: file, path: child(key), reason: "expected an array of strings, found \(other.typeName)")
            return nil
        }
    }

    /// A nested object's reader, or nil (with an error when present but not an object).
    func object(_ key: String) -> ConfigReader? {
        switch object[key] {
        case nil, .null?: return nil
        case .object(let nested)?: return ConfigReader(file: file, path: child(key), object: nested, diagnostics: diagnostics)
        case let other?:
            diagnostics.error(file: file, path: child(key), reason: "expected an object, found \(other.typeName)")
            return nil
        }
    }

    /// The readers of an array of objects, or nil when absent.
    func objects(_ key: String) -> [ConfigReader]? {
        switch object[key] {
        case nil, .null?: return nil
        case .array(let values)?:
            return values.enumerated().compactMap { index, value in
                let itemPath = "\(child(key))[\(index)]"
                guard case .object(let nested) = value else {
                    diagnostics.error(file: file, path: itemPath, reason: "expected an object, found \(value.typeName)")
                    return nil
                }
                return ConfigReader(file: file, path: itemPath, object: nested, diagnostics: diagnostics)
            }
        case let other?:
            diagnostics.error(file: file, path: child(key), reason: "expected an array, found \(other.typeName)")
            return nil
        }
    }
}
