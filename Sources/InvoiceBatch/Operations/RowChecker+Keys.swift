import InvoiceAPI

/// Whether a row's key can name its target: an invoice ID or number for Zuora, a uuid for AppZen.
extension RowChecker {
    /// Why `key` cannot name the target of `action`, if it cannot.
    static func keyProblem(_ key: String?, action: InvoiceAction) -> (rule: RuleName, message: String)? {
        guard let key, !key.isEmpty else {
            let what = action == .appzenSync ? "the AppZen invoice uuid" : "the invoice ID or number"
            return (.missingKey, "\(action.rawValue) needs '\(action.keyColumn)': \(what)")
        }
        if key.utf8.count > 64 || key.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "/") }) {
            return (.invalidKey, "'\(key)' cannot name an invoice: no spaces, slashes or control characters, at most 64 characters")
        }
        if action == .appzenSync, !isUUID(key) {
            return (.invalidKey, "'\(key)' is not a uuid like 75823296-4af2-4475-aafd-461c60c284e7")
        }
        return nil
    }

    static func isUUID(_ text: String) -> Bool {
        guard text.utf8.count == 36 else { return false }
        for (index, byte) in text.utf8.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if !((0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) || (0x41...0x46).contains(byte)) {
                return false
            }
        }
        return true
    }
}
