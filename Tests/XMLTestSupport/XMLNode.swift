import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An XML document read back with Foundation's parser — a reader independent of the libxml2 writer under test —
/// as a small tree, so tests can check what a log holds.
public final class XMLNode {
    public let name: String
    public let attributes: [String: String]
    public internal(set) var children: [XMLNode] = []
    public internal(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    public func all(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
    public func first(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// The element's content as bytes: its text, or the decoded base64 when `encoding="base64"`.
    public var content: [UInt8] {
        if attributes["encoding"] == "base64" {
            let compact = text.filter { !$0.isWhitespace }
            return Array(Data(base64Encoded: compact) ?? Data("<bad base64>".utf8))
        }
        return Array(text.utf8)
    }

    public var contentString: String { String(decoding: content, as: UTF8.self) }

    /// Every descendant named `name`, depth first.
    public func descendants(_ name: String) -> [XMLNode] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) }
    }

    /// Parses `data`; throws the parser's error for a document that is not well-formed.
    public static func parse(_ data: Data) throws -> XMLNode {
        let parser = XMLParser(data: data)
        let builder = TreeBuilder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw parser.parserError ?? CocoaError(.fileReadCorruptFile)
        }
        return root
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: XMLNode?
    var stack: [XMLNode] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let node = XMLNode(name: elementName, attributes: attributes)
        stack.last?.children.append(node)
        if root == nil { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
    }
}
