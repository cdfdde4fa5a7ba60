import InvoiceAPI
import Testing

@Test func writesMembersInOrderAndKeepsNumberText() {
    var object = JSONObject()
    object["dueDate"] = .string("2026-12-01")
    object["amount"] = .number("-10.50")
    object["comments"] = .string("line1\n\"quoted\"\u{01}")
    object["autoPay"] = .bool(false)
    object["x"] = .null
    #expect(
        JSONWriter.string(.object(object))
            == #"{"dueDate":"2026-12-01","amount":-10.50,"comments":"line1\n\"quoted\"\u0001","autoPay":false,"x":null}"#
    )
}
