/// The code sets of EIS 1081 and the class reference that validation checks.
enum Codes {
    static let deviceCodes = CodeSet(["0", "B", "C", "D", "E", "G", "H", "I", "J", "M", "P", "Q", "R", "S", "T", "W", "X", "Z"])
    static let languages = CodeSet(["00", "01", "02", "03", "04", "05", "06", "07"])
    static let cardholderIds = CodeSet(["@", "A", "F", "G", "K", "M", "N", "P", "S", "Z"])
    static let accountDataSources = CodeSet(["@", "A", "B", "D", "G", "H", "P", "Q", "R", "S", "T", "W", "X", "Z"])
    static let marketSpecificIndicators = CodeSet(["A", "B", "E", "H", "J", "M", "N", "T"])
    static let motoIndicators = CodeSet(["1", "2", "3", "4", "5", "6", "7", "8"])
    static let hotelIdentifier = CodeSet(["H"])
    static let autoRentalIdentifier = CodeSet(["A"])
    static let noShow = CodeSet(["0", "1"])
    static let amexHotelNoShow = CodeSet(["2", "3"])
    static let stopOver = CodeSet(["O", "X"])
    static let debitCredit = CodeSet(["C", "D"])
    static let yesNo = CodeSet(["Y", "N"])
}
