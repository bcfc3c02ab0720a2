#!/usr/bin/env python3
"""Writes a retail settlement document with N card-present details (Luhn-valid card numbers,
distinct amounts) for the HTTP benchmark. Usage: make-batch.py RECORDS > batch.json"""
import json
import sys


def luhn_complete(prefix: str) -> str:
    """Appends the check digit that makes prefix + digit pass the Luhn check."""
    total = 0
    for index, char in enumerate(reversed(prefix)):
        digit = int(char)
        if index % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return prefix + str((10 - total % 10) % 10)


def main() -> None:
    records = int(sys.argv[1])
    with open("examples/retail.json") as source:
        document = json.load(source)
    template = document["detailRecords"][0]
    details = []
    for index in range(records):
        detail = dict(template)
        detail["cardNumber"] = luhn_complete("4111%011d" % (index * 7919))
        detail["settlementAmount"] = detail["authorizedAmount"] = 100 + index
        detail["transactionNumber"] = index + 1
        details.append(detail)
    document["detailRecords"] = details
    # Compact, as checkout backends' JSON libraries write it.
    json.dump(document, sys.stdout, separators=(",", ":"))


main()
