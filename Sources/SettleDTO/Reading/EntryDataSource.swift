/// The class reference's `EntryDataSource`, accepted as a friendlier way to give the
/// account data source. Each maps to the EIS 1081 code of the same meaning; the three whose
/// code is not certain (`ivr`, `kiosk`, `manualEntryContactlessCapable`) are refused with a
/// request to give `accountDataSource` directly.
enum EntryDataSource: String, CaseIterable {
    case track1
    case track2
    case manualEntryTrack1Capable
    case manualEntryTrack2Capable
    case manualEntryNoCardReader
    case track1Contactless
    case track2Contactless
    case manualEntryContactlessCapable
    case ivr
    case kiosk

    /// The account data source code, `nil` when the mapping is not certain.
    var accountDataSource: String? {
        switch self {
        case .track1: "H"
        case .track2: "D"
        case .manualEntryTrack1Capable: "X"
        case .manualEntryTrack2Capable: "T"
        case .manualEntryNoCardReader: "@"
        case .track1Contactless, .track2Contactless: "Q"
        case .manualEntryContactlessCapable, .ivr, .kiosk: nil
        }
    }
}
