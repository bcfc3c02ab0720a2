import SettleFraming
import SettleLink
import SettleModel
import SettleRecords
import Testing

/// The client state machine fed scripted bytes directly.
@Suite struct LinkSessionScriptTests {
    static let framed = try! BatchEncoder().encode(LinkFixtures.batch(details: 1)).framed  // 2 blocks when combined

    func sent(_ actions: [LinkAction]) -> [[UInt8]] {
        actions.compactMap { if case .send(let bytes) = $0 { return bytes } else { return nil } }
    }

    func result(_ actions: [LinkAction]) -> LinkResult? {
        actions.compactMap { if case .finish(let result) = $0 { return result } else { return nil } }.first
    }

    func response(_ text: String) -> [UInt8] {
        var writer = BlockWriter(policy: BlockingPolicy(combineRecords: false))
        writer.append(record: Array(text.utf8))
        return writer.finish().bytes
    }

    let good = "K1.ZR@@@@000000004" + "0000000000028000" + "GB00042" + "_ACCEPTED" + String(repeating: " ", count: 16)

    @Test func noiseBeforeENQIsIgnoredAndENQStartsTheFirstBlock() {
        var session = LinkSession(batch: Self.framed)
        #expect(session.connected() == [.startTimer(.enquiry, .seconds(15))])
        #expect(sent(session.received([0x41, 0x00])).isEmpty)
        #expect(sent(session.received([ControlCharacter.enq.wireByte])) == [Array(Self.framed.block(0))])
    }

    @Test func aGoodBatchBeforeTheTrailerIs594() {
        var session = LinkSession(batch: Self.framed)
        _ = session.connected()
        _ = session.received([ControlCharacter.enq.wireByte])
        guard case .failed(let failure)? = result(session.received(response(good))) else { return #expect(Bool(false)) }
        #expect(failure.code == .responseBeforeTransmissionCompleted)
        #expect(!failure.inDoubt)
    }

    @Test func aResponseSplitAcrossReadsIsAssembled() {
        var session = LinkSession(batch: Self.framed)
        _ = session.connected()
        _ = session.received([ControlCharacter.enq.wireByte])
        _ = session.received([ControlCharacter.ack.wireByte])
        let bytes = [ControlCharacter.bel.wireByte, ControlCharacter.dc2.wireByte] + response(good)
        var actions: [LinkAction] = []
        for byte in bytes { actions += session.received([byte]) }
        guard case .answered(let answer, let early)? = result(actions) else { return #expect(Bool(false)) }
        #expect(answer.code == .goodBatch)
        #expect(!early)
        #expect(sent(actions).last == [ControlCharacter.ack.wireByte, ControlCharacter.eot.wireByte])
        #expect(actions.contains(.close))
    }

    @Test func disconnectsMapToTheirCodes() {
        var waiting = LinkSession(batch: Self.framed)
        _ = waiting.connected()
        guard case .failed(let refused)? = result(waiting.disconnected()) else { return #expect(Bool(false)) }
        #expect(refused.code == .prematurelyDisconnected)

        var receiving = LinkSession(batch: Self.framed)
        _ = receiving.connected()
        _ = receiving.received([ControlCharacter.enq.wireByte, ControlCharacter.ack.wireByte, ControlCharacter.bel.wireByte])
        _ = receiving.received(response(good).prefix(10))
        guard case .failed(let truncated)? = result(receiving.disconnected()) else { return #expect(Bool(false)) }
        #expect(truncated.code == .responseTruncated)
        #expect(truncated.inDoubt)
    }

    @Test func anEmptyResponseRecordIs520() {
        var session = LinkSession(batch: Self.framed)
        _ = session.connected()
        _ = session.received([ControlCharacter.enq.wireByte, ControlCharacter.ack.wireByte, ControlCharacter.bel.wireByte])
        guard case .failed(let failure)? = result(session.received(response(""))) else { return #expect(Bool(false)) }
        #expect(failure.code == .responsePacketEmpty)
        #expect(failure.inDoubt)
    }
}
