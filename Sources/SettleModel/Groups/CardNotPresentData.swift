/// Direct marketing / e-commerce indicators (detail group 12).
public struct CardNotPresentData: Sendable, Hashable {
    /// MOTO / e-commerce indicator, 1 character: `1` one-time MOTO, `2` recurring, `3` installment,
    /// `5` 3-D Secure authenticated, `6` attempted, `7` channel-encrypted (default), `8` non-secure.
    public var motoIndicator: String
    /// Installment or clearing sequence number, 0–99 (0 when not an installment).
    public var installmentNumber: Int
    /// Installment or clearing sequence count, 0–99.
    public var installmentCount: Int

    public init(motoIndicator: String = "7", installmentNumber: Int = 0, installmentCount: Int = 0) {
        self.motoIndicator = motoIndicator
        self.installmentNumber = installmentNumber
        self.installmentCount = installmentCount
    }
}
