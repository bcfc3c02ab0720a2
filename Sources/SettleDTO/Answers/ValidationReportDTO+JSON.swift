import SettleJSON

/// The validation report and its parts written directly (members in byte order, as
/// `JSONEncoder` sorts them); a test holds these equal to `JSONEncoder`'s output.
extension ValidationReportDTO: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            if let batch {
                json.key("batch")
                batch.write(to: &json)
            }
            json.key("notes")
            json.array(notes) { json, note in
                json.object { json in
                    json.key("message")
                    json.string(note.message)
                    json.key("path")
                    json.string(note.path)
                }
            }
            json.key("problems")
            json.array(problems) { json, problem in problem.write(to: &json) }
            if let totals {
                json.key("totals")
                totals.write(to: &json)
            }
            json.key("valid")
            json.bool(valid)
        }
    }
}

extension BatchSummaryDTO: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("applicationType")
            json.string(applicationType)
            json.key("batchNumber")
            json.integer(batchNumber)
            json.key("blockCount")
            json.integer(blockCount)
            json.key("chipAddendumCount")
            json.integer(chipAddendumCount)
            json.key("combineRecords")
            json.bool(combineRecords)
            json.key("detailRecordCount")
            json.integer(detailRecordCount)
            json.key("industryType")
            json.string(industryType)
            json.key("lineItemCount")
            json.integer(lineItemCount)
            json.key("transmissionDate")
            json.string(transmissionDate)
            json.key("wireBytes")
            json.integer(wireBytes)
        }
    }
}

extension BatchTotalsDTO: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("batchCashBackTotal")
            json.integer(batchCashBackTotal)
            json.key("batchHashingTotal")
            json.integer(batchHashingTotal)
            json.key("batchNetDeposit")
            json.integer(batchNetDeposit)
            json.key("batchRecordCount")
            json.integer(batchRecordCount)
            json.key("netDepositIsCredit")
            json.bool(netDepositIsCredit)
        }
    }
}

extension ProblemDTO: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("code")
            json.integer(code)
            if let detailIndex {
                json.key("detailIndex")
                json.integer(detailIndex)
            }
            json.key("message")
            json.string(message)
            json.key("pointer")
            json.string(pointer)
        }
    }
}
