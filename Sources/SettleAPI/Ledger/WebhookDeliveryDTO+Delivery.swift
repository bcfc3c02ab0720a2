import SettleDTO
import SettleLedger

extension WebhookDeliveryDTO {
    /// A delivery as the API and `tsys-settle webhooks` show it, with its tries when given.
    public init(_ delivery: WebhookDelivery, tries: [WebhookAttempt]? = nil) {
        self.init(
            id: delivery.id, eventId: delivery.eventID, settlementId: delivery.settlementID, endpointId: delivery.endpointID,
            state: delivery.state.rawValue, attempts: delivery.attempts,
            nextAttemptAt: delivery.state == .pending ? LedgerMapping.timestamp(delivery.nextAttemptAt) : nil, lastStatus: delivery.lastStatus,
            lastError: delivery.lastError, createdAt: LedgerMapping.timestamp(delivery.createdAt),
            deliveredAt: delivery.deliveredAt.map(LedgerMapping.timestamp),
            tries: tries?.map {
                WebhookAttemptDTO(
                    number: $0.number, at: LedgerMapping.timestamp($0.at), replica: $0.replica, status: $0.status, error: $0.error,
                    milliseconds: $0.milliseconds)
            })
    }
}
