/// Application type values (EIS 1081 §4.33).
public enum ApplicationType {
    /// One batch per connection, no line items.
    public static let single: Character = "1"
    /// One batch per connection with Visa / MasterCard line items.
    public static let singleWithLineItems: Character = "5"
    /// Every value a record may carry (3 and 6 are multi-batch variants this engine reads but does not send).
    static let accepted: Set<Character> = ["1", "3", "5", "6"]
}
