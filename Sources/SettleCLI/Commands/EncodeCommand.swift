import ArgumentParser
import SettleFraming
import SettleModel
import SettleRecords

/// `tsys-settle encode FILE.json [--hex]`: the framed blocks in visible form, card numbers masked.
struct EncodeCommand: ConfiguredCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Print the blocks a settlement document becomes on the wire (card numbers masked)."
    )

    @Argument(help: "The settlement document (JSON), or - for standard input.")
    var file: String

    @Flag(
        help:
            "Print each block as hexadecimal bytes in the wire's framing (parity included), card digits masked and each LRC computed over what is printed."
    )
    var hex = false

    @OptionGroup var configFile: ConfigFileOption
    @OptionGroup var options: EngineOptions

    static let settingsName = "encode"
    var givenFlags: GivenFlags { configFile.flags.merging(options.flags) }

    func run() throws {
        switch try BatchFile.load(file, settings: try settings()) {
        case .invalid(let issues):
            try BatchFile.fail(issues)
        case .encoded(_, let encoded, let profile, _):
            if hex {
                print("# card number digits are shown as '*' (hexadecimal 2A with parity AA): the real blocks differ there, and so do their LRCs")
            }
            for index in 0..<encoded.framed.blockCount {
                let block = encoded.framed.block(index)
                print(hex ? PacketMasker.hexadecimal(block: block, profile: profile) : PacketMasker.visible(block: block, profile: profile))
            }
            let totals = encoded.totals
            print("# \(encoded.framed.blockCount) blocks, \(encoded.framed.bytes.count) bytes, application type \(encoded.applicationType)")
            print(
                "# records \(totals.recordCount), hashing \(totals.hashingTotalText), cash back \(totals.cashBackTotalText), net \(totals.netDepositText)"
            )
        }
    }
}
