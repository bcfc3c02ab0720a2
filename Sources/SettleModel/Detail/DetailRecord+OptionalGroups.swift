extension DetailRecord {
    /// The optional data groups this record carries in a batch of the given industry,
    /// including group 23 (the extension map) when any group above 24 is present.
    @inlinable public func optionalGroups(industry: IndustryType) -> GroupSet {
        var set = GroupSet()
        if cashBack != nil { set.insert(group: 1) }
        if gratuity != nil { set.insert(group: 2) }
        // Direct marketing sends its order data in group 3, unless Level III sends it in group 25.
        if industry == .directMarketing && !$level3.hasValue { set.insert(group: 3) }
        // Boxed groups are inspected in place: copying them out would cost more than the check.
        if $autoRental.hasValue {
            set.insert(group: 4)
            if $autoRental.with({ $0.returnDetails != nil }) == true { set.insert(group: 13) }
            if $autoRental.with({ $0.amex != nil }) == true { set.insert(group: 42) }
        }
        if $lodging.hasValue {
            set.insert(group: 5)
            if $lodging.with({ $0.amex != nil }) == true { set.insert(group: 7) }
        }
        if $passengerTransport.hasValue { set.insert(group: 9) }
        if $debit.hasValue { set.insert(group: 10) }
        if cardNotPresent != nil { set.insert(group: 12) }
        if merchantVerificationValue != nil { set.insert(group: 20) }
        if let amex = $level2.with({ $0.cardType == .americanExpress }) {
            set.insert(group: amex ? 21 : 22)
            if amex && $level2.with({ $0.hasPurchasingExtension }) == true { set.insert(group: 39) }
            if amex && $level2.with({ $0.hasMoreChargeDescriptors }) == true { set.insert(group: 30) }
        }
        if let visa = $level3.with({ $0.cardType == .visa }) {
            set.insert(group: 25)
            set.insert(group: visa ? 26 : 27)
        }
        if marketSpecificData != nil { set.insert(group: 31) }
        if posDataCode != nil { set.insert(group: 32) }
        if let extended = $extended.with({ $0.groups }) { set.rawValue |= extended.rawValue }
        if set.needsExtension { set.insert(group: 23) }
        return set
    }
}
