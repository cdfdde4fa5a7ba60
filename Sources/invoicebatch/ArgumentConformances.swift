import ArgumentParser
import InvoiceAPI
import InvoiceBatch

// Choices are enums with raw values, so `--help` lists them.
extension InvoiceAction: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}
