/// How an invoice is named: Zuora IDs are 32 hexadecimal characters; anything else is a number (`INV-00000001`).
public enum InvoiceKey {
    public static func isID(_ key: String) -> Bool {
        key.utf8.count == 32
            && key.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0) }
    }
}
