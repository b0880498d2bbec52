// RFC 3986 URI references: splitting, resolution against a base (§5.2), recomposition.
// Written for schema identifiers, so it works on any scheme (http, urn, file, tag) and
// does no percent-decoding or case normalisation of its own.

import Foundation

struct URIReference: Equatable {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    /// Splits a reference the way RFC 3986 Appendix B does.
    init(_ text: String) {
        var rest = Substring(text)
        fragment = nil
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        query = nil
        if let question = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        scheme = nil
        if let colon = rest.firstIndex(of: ":") {
            let candidate = rest[..<colon]
            if let first = candidate.first, first.isASCII, first.isLetter,
                candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
            {
                scheme = String(candidate)
                rest = rest[rest.index(after: colon)...]
            }
        }
        authority = nil
        if rest.hasPrefix("//") {
            let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
            let end = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
            authority = String(rest[afterSlashes..<end])
            rest = rest[end...]
        }
        path = String(rest)
    }

    init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    var isAbsolute: Bool { scheme != nil }

    /// Recomposed text (§5.3).
    var text: String {
        var result = ""
        if let scheme { result += scheme + ":" }
        if let authority { result += "//" + authority }
        result += path
        if let query { result += "?" + query }
        if let fragment { result += "#" + fragment }
        return result
    }

    /// The same reference without its fragment.
    var withoutFragment: URIReference {
        var copy = self
        copy.fragment = nil
        return copy
    }

    /// This reference resolved against `base` (§5.2.2, strict).
    func resolved(against base: URIReference) -> URIReference {
        if let scheme {
            return URIReference(scheme: scheme, authority: authority, path: URIReference.removeDotSegments(path),
                                query: query, fragment: fragment)
        }
        if let authority {
            return URIReference(scheme: base.scheme, authority: authority, path: URIReference.removeDotSegments(path),
                                query: query, fragment: fragment)
        }
        if path.isEmpty {
            return URIReference(scheme: base.scheme, authority: base.authority, path: base.path,
                                query: query ?? base.query, fragment: fragment)
        }
        let merged: String
        if path.hasPrefix("/") {
            merged = path
        } else if base.authority != nil && base.path.isEmpty {
            merged = "/" + path
        } else if let slash = base.path.lastIndex(of: "/") {
            merged = String(base.path[...slash]) + path
        } else {
            merged = path
        }
        return URIReference(scheme: base.scheme, authority: base.authority, path: URIReference.removeDotSegments(merged),
                            query: query, fragment: fragment)
    }

    /// §5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var input = Substring(path)
        var result = ""
        while !input.isEmpty {
            if input.hasPrefix("../") {
                input = input.dropFirst(3)
            } else if input.hasPrefix("./") {
                input = input.dropFirst(2)
            } else if input.hasPrefix("/./") {
                input = input.dropFirst(2)
            } else if input == "/." {
                input = "/"
            } else if input.hasPrefix("/../") {
                input = input.dropFirst(3)
                removeLastSegment(&result)
            } else if input == "/.." {
                input = "/"
                removeLastSegment(&result)
            } else if input == "." || input == ".." {
                input = ""
            } else {
                // Move the first segment (with its leading "/", if any) to the output.
                var end = input.index(after: input.startIndex)
                if input.first != "/" { end = input.startIndex }
                let next = input[end...].firstIndex(of: "/") ?? input.endIndex
                result += input[..<next]
                input = input[next...]
            }
        }
        return result
    }

    private static func removeLastSegment(_ result: inout String) {
        if let slash = result.lastIndex(of: "/") {
            result = String(result[..<slash])
        } else {
            result = ""
        }
    }

    /// Percent-decodes text (fragments of schema references); invalid escapes are left as they are.
    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        return text.removingPercentEncoding ?? text
    }

    /// Bytes a URI fragment holds as they are (letters, digits, `-._~/$`):
    /// a subset of RFC 3986's fragment characters.
    static let plainFragmentBytes: Set<UInt8> = Set(Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/$".utf8))

    /// Percent-encodes a JSON Pointer for use as a URI fragment.
    static func fragmentEncoded(_ pointer: String) -> String {
        // Most pointers are plain ASCII names: nothing to encode.
        if pointer.utf8.allSatisfy({ plainFragmentBytes.contains($0) }) { return pointer }
        var allowed = CharacterSet.urlFragmentAllowed
        allowed.remove(charactersIn: "%")
        return pointer.addingPercentEncoding(withAllowedCharacters: allowed) ?? pointer
    }
}
