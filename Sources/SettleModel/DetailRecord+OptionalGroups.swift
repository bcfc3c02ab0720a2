extension DetailRecord {
    /// The optional data groups this record carries in a batch of the given industry,
    /// including group 23 (the extension map) when any group above 24 is present.
    public func optionalGroups(industry: IndustryType) -> GroupSet {
        var set = GroupSet()
        if cashBack != nil { set.insert(group: 1) }
        if gratuity != nil { set.insert(group: 2) }
        // Direct marketing sends its order data in group 3, unless Level III sends it in group 25.
        if industry == .directMarketing && level3 == nil { set.insert(group: 3) }
        if let autoRental {
            set.insert(group: 4)
            if autoRental.returnDetails != nil { set.insert(group: 13) }
        }
        if let lodging {
            set.insert(group: 5)
            if lodging.amex != nil { set.insert(group: 7) }
        }
        if passengerTransport != nil { set.insert(group: 9) }
        if debit != nil { set.insert(group: 10) }
        if cardNotPresent != nil { set.insert(group: 12) }
        if merchantVerificationValue != nil { set.insert(group: 20) }
        if let level2 { set.insert(group: level2.cardType == .americanExpress ? 21 : 22) }
        if let level3 {
            set.insert(group: 25)
            set.insert(group: level3.cardType == .visa ? 26 : 27)
        }
        if marketSpecificData != nil { set.insert(group: 31) }
        if posDataCode != nil { set.insert(group: 32) }
        if set.needsExtension { set.insert(group: 23) }
        return set
    }
}
