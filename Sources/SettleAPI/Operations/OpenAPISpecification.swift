// swift-format-ignore-file
/// `openapi.yaml`, embedded by scripts/embed-openapi (do not edit here; edit openapi.yaml and rerun).
enum OpenAPISpecification {
    static let text = #"""
openapi: 3.1.0
info:
  title: tsys-settle
  version: 0.5.0
  summary: Settle card batches with TSYS (EIS 1081) over a JSON API.
  description: |
    A settlement document is validated in full (every problem reported with a JSON pointer and a
    stable code) before anything is sent; only then is the batch encoded and settled with the
    configured processor environment (the built-in simulator unless configured otherwise).
    Amounts are integers in minor units. Card numbers never appear in full in any response.

    Every settlement is written to the settlement ledger before anything is sent. An
    `Idempotency-Key` makes a retry safe: the same key and request replay the first answer; a
    batch number accepted by the same host within five days is refused before it is sent; an
    in-doubt attempt blocks its number until it is resolved. Each settlement response names its
    ledger entry in `Location`.
servers:
  - url: http://127.0.0.1:8080
security:
  - apiKey: []
paths:
  /v1/settlements:
    post:
      operationId: settle
      summary: Settle a batch (recorded in the ledger first).
      parameters:
        - name: trace
          in: query
          required: false
          description: Return the settlement's connection events and packets, card numbers masked (only where the server allows it; 403 otherwise).
          schema: { type: boolean }
        - name: Idempotency-Key
          in: header
          required: false
          description: >-
            Makes a retry safe for five days by default (as long as the batch-number guard): the same
            key with the same batch replays the first answer (`Idempotent-Replayed: true`); with another
            batch it is 422; while the first is still being settled it is 409 with `Retry-After`. A
            Structured Field string as the IETF draft writes it (`"8e03…"`) or a bare token of 1-255
            visible ASCII characters: both are the same key. Keys belong to the API key that sent them.
          schema: { type: string, minLength: 1, maxLength: 257, pattern: "^([!#-~][!-~]*|\"([ !#-\\[\\]-~]|\\\\[\"\\\\])+\")$" }
        - name: Prefer
          in: header
          required: false
          description: >-
            `respond-async` (RFC 7240): once the ledger has admitted the settlement it is answered 202
            with `Location` and `Preference-Applied: respond-async`, and goes on in the background;
            `GET` the location for its state. Validation, the batch-number guard and the
            Idempotency-Key run first, and their refusals are answered at once as without it. The same
            request again while it is under way is answered 202 for the same settlement. Ignored with
            `trace`, and while the server is stopping (the settlement is then answered when it ends).
          schema: { type: string }
          example: respond-async
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "#/components/schemas/SettlementDocument" }
            examples: { retail: { $ref: "#/components/examples/retail" } }
      responses:
        "200":
          description: The host accepted the batch (GB).
          headers:
            Location: { $ref: "#/components/headers/Location" }
            Idempotent-Replayed: { $ref: "#/components/headers/IdempotentReplayed" }
          content:
            application/json:
              schema: { $ref: "#/components/schemas/SettlementResult" }
        "202":
          description: "Admitted and recorded (`Prefer: respond-async`); the settlement goes on in the background."
          headers:
            Location: { $ref: "#/components/headers/Location" }
            Preference-Applied: { description: "`respond-async`", schema: { type: string, enum: [respond-async] } }
          content:
            application/json:
              schema: { $ref: "#/components/schemas/SettlementRecord" }
        "400": { $ref: "#/components/responses/InvalidDocument" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "403": { $ref: "#/components/responses/Problem" }
        "405": { $ref: "#/components/responses/Problem" }
        "409":
          description: >-
            Not settled now: the host already has this batch number (QD, with `result`), or the ledger
            refused it before sending (`type` ends in settlement-in-progress, batch-number-accepted or
            batch-in-doubt; `settlement` names the earlier entry).
          headers:
            Location: { $ref: "#/components/headers/Location" }
            Content-Location: { description: The earlier ledger entry a refusal is about., schema: { type: string } }
            Retry-After: { description: Seconds to wait before asking again (settlement-in-progress)., schema: { type: integer } }
          content: { application/problem+json: { schema: { $ref: "#/components/schemas/Problem" } } }
        "415": { $ref: "#/components/responses/Problem" }
        "422":
          description: The host rejected the batch (RB, with `result`), or the Idempotency-Key was used for another batch.
          headers:
            Location: { $ref: "#/components/headers/Location" }
          content: { application/problem+json: { schema: { $ref: "#/components/schemas/Problem" } } }
        "502":
          description: The link failed; `result.failure.inDoubt` says whether the batch may have been captured.
          headers:
            Location: { $ref: "#/components/headers/Location" }
          content: { application/problem+json: { schema: { $ref: "#/components/schemas/Problem" } } }
        "503": { description: The ledger could not record the settlement; nothing was sent., content: { application/problem+json: { schema: { $ref: "#/components/schemas/Problem" } } } }
        "504":
          description: The host did not answer in time.
          headers:
            Location: { $ref: "#/components/headers/Location" }
          content: { application/problem+json: { schema: { $ref: "#/components/schemas/SettlementProblem" } } }
    get:
      operationId: listSettlements
      summary: Recorded settlements, newest first, a page at a time.
      parameters:
        - { name: merchant, in: query, required: false, schema: { type: string } }
        - { name: terminal, in: query, required: false, schema: { type: string } }
        - { name: state, in: query, required: false, schema: { $ref: "#/components/schemas/SettlementState" } }
        - { name: from, in: query, required: false, description: Created at or after (RFC 3339 time or date)., schema: { type: string } }
        - { name: to, in: query, required: false, description: Created before (RFC 3339 time or date)., schema: { type: string } }
        - { name: limit, in: query, required: false, schema: { type: integer, minimum: 1, maximum: 500, default: 50 } }
        - { name: cursor, in: query, required: false, description: The nextCursor of the previous page., schema: { type: string } }
      responses:
        "200":
          description: One page.
          content:
            application/json:
              schema:
                type: object
                required: [settlements]
                properties:
                  settlements: { type: array, items: { $ref: "#/components/schemas/SettlementRecord" } }
                  nextCursor: { type: string }
        "400": { $ref: "#/components/responses/Problem" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "404": { $ref: "#/components/responses/Problem" }
        "405": { $ref: "#/components/responses/Problem" }
  /v1/settlements/{id}:
    get:
      operationId: getSettlement
      summary: One recorded settlement, with its records (card numbers masked).
      parameters:
        - { name: id, in: path, required: true, schema: { type: string, pattern: "^[A-Za-z0-9_]+$" } }
      responses:
        "200":
          description: The ledger entry.
          content: { application/json: { schema: { $ref: "#/components/schemas/SettlementRecord" } } }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "404": { $ref: "#/components/responses/Problem" }
        "405": { $ref: "#/components/responses/Problem" }
  /v1/settlements/{id}/resolve:
    post:
      operationId: resolveSettlement
      summary: Record an operator's finding on an in-doubt settlement, after checking TSYS reports.
      description: >-
        `captured`: the batch number stays taken (as if accepted). `notCaptured`: the same batch may be
        sent again with its number. Only an in-doubt settlement is resolved, once.
      parameters:
        - { name: id, in: path, required: true, schema: { type: string, pattern: "^[A-Za-z0-9_]+$" } }
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [resolution, note]
              properties:
                resolution: { enum: [captured, notCaptured] }
                note: { type: string, minLength: 1, maxLength: 500, description: What the finding rests on. }
      responses:
        "200":
          description: Resolved.
          content: { application/json: { schema: { $ref: "#/components/schemas/SettlementRecord" } } }
        "400": { $ref: "#/components/responses/Problem" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "404": { $ref: "#/components/responses/Problem" }
        "405": { $ref: "#/components/responses/Problem" }
        "409": { $ref: "#/components/responses/Problem" }
  /v1/settlements/validate:
    post:
      operationId: validate
      summary: Validate and encode a batch without sending it (dry run).
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "#/components/schemas/SettlementDocument" }
      responses:
        "200":
          description: The document is valid; its computed totals and shape.
          content:
            application/json:
              schema: { $ref: "#/components/schemas/ValidationReport" }
        "400": { $ref: "#/components/responses/InvalidDocument" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "405": { $ref: "#/components/responses/Problem" }
        "415": { $ref: "#/components/responses/Problem" }
  /v1/settlements/{id}/summary:
    get:
      operationId: summarizeSettlement
      summary: One settlement's totals by card brand and kind, ours against the host's (JSON, or CSV with Accept text/csv).
      parameters:
        - { name: id, in: path, required: true, schema: { type: string, pattern: "^[A-Za-z0-9_]+$" } }
      responses:
        "200":
          description: The summary; `balanced` is true when accepted and the host's record count and net deposit equal ours.
          content:
            application/json: { schema: { $ref: "#/components/schemas/SettlementSummary" } }
            text/csv: { schema: { type: string } }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "404": { $ref: "#/components/responses/Problem" }
        "405": { $ref: "#/components/responses/Problem" }
        "503": { $ref: "#/components/responses/Problem" }
  /v1/reports/settlements:
    get:
      operationId: settlementReport
      summary: A day's settlements (by batch date), each summarized, with the accepted ones' totals by brand and kind.
      parameters:
        - { name: date, in: query, required: true, description: The batches' date., schema: { type: string, format: date } }
        - { name: merchant, in: query, required: false, schema: { type: string } }
        - { name: environment, in: query, required: false, schema: { type: string } }
      responses:
        "200":
          description: The report (CSV with Accept text/csv, one row per settlement, brand and kind).
          content:
            application/json:
              schema:
                type: object
                required: [date, settlements, acceptedLines, states, balanced]
                properties:
                  date: { type: string, format: date }
                  merchant: { type: string }
                  environment: { type: string }
                  settlements: { type: array, items: { $ref: "#/components/schemas/SettlementSummary" } }
                  acceptedLines: { type: array, items: { $ref: "#/components/schemas/SettlementSummaryLine" } }
                  states: { type: object, additionalProperties: { type: integer } }
                  balanced: { type: boolean }
            text/csv: { schema: { type: string } }
        "400": { $ref: "#/components/responses/Problem" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "404": { $ref: "#/components/responses/Problem" }
        "405": { $ref: "#/components/responses/Problem" }
        "503": { $ref: "#/components/responses/Problem" }
  /v1/events:
    get:
      operationId: listEvents
      summary: The settlements' state changes and merchants' closes, oldest first, in the order they were recorded.
      description: >-
        Each change a webhook announces, for catching up on what a delivery missed: keep the last
        event's `sequence` and pass it as `after` to read on (no event recorded later can have a
        smaller one). `data` is the settlement (or, for batch.* events, the close) as it is now,
        with masked card numbers only. Settlements ended before this version have no events.
      parameters:
        - { name: after, in: query, required: false, description: The sequence of the last event seen (a page's nextCursor)., schema: { type: integer, minimum: 0 } }
        - name: type
          in: query
          required: false
          description: Only these types, comma-separated.
          schema: { type: string }
          example: settlement.accepted,settlement.in_doubt
        - { name: settlement, in: query, required: false, description: Only this settlement's events., schema: { type: string } }
        - { name: merchant, in: query, required: false, description: "Only this merchant number's settlements and closes.", schema: { type: string } }
        - { name: limit, in: query, required: false, schema: { type: integer, minimum: 1, maximum: 500, default: 100 } }
      responses:
        "200":
          description: One page; `nextCursor` is absent when no more events follow now.
          content:
            application/json:
              schema:
                type: object
                required: [events]
                properties:
                  events: { type: array, items: { $ref: "#/components/schemas/SettlementEvent" } }
                  nextCursor: { type: string }
        "400": { $ref: "#/components/responses/Problem" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "404": { $ref: "#/components/responses/Problem" }
        "405": { $ref: "#/components/responses/Problem" }
        "503": { $ref: "#/components/responses/Problem" }
  /v1/webhook-deliveries:
    get:
      operationId: listWebhookDeliveries
      summary: Webhook deliveries, newest first.
      parameters:
        - { name: state, in: query, required: false, schema: { type: string, enum: [pending, delivered, abandoned] } }
        - { name: event, in: query, required: false, description: Only this event's deliveries., schema: { type: string } }
        - { name: settlement, in: query, required: false, description: Only this settlement's deliveries., schema: { type: string } }
        - { name: limit, in: query, required: false, schema: { type: integer, minimum: 1, maximum: 500, default: 50 } }
      responses:
        "200":
          description: The deliveries.
          content:
            application/json:
              schema:
                type: object
                required: [deliveries]
                properties:
                  deliveries: { type: array, items: { $ref: "#/components/schemas/WebhookDelivery" } }
        "400": { $ref: "#/components/responses/Problem" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "404": { $ref: "#/components/responses/Problem" }
        "405": { $ref: "#/components/responses/Problem" }
        "503": { $ref: "#/components/responses/Problem" }
  /v1/webhook-deliveries/{id}:
    get:
      operationId: getWebhookDelivery
      summary: One delivery, with every try.
      parameters:
        - { name: id, in: path, required: true, schema: { type: string, pattern: "^[A-Za-z0-9_]+$" } }
      responses:
        "200": { description: The delivery., content: { application/json: { schema: { $ref: "#/components/schemas/WebhookDelivery" } } } }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "404": { $ref: "#/components/responses/Problem" }
        "405": { $ref: "#/components/responses/Problem" }
        "503": { $ref: "#/components/responses/Problem" }
  /v1/webhook-deliveries/{id}/redeliver:
    post:
      operationId: redeliverWebhook
      summary: Deliver again (pending and due now, whatever its state); a running server tries it within a second.
      parameters:
        - { name: id, in: path, required: true, schema: { type: string, pattern: "^[A-Za-z0-9_]+$" } }
      responses:
        "202":
          description: Pending again.
          headers:
            Location: { description: The delivery., schema: { type: string } }
          content: { application/json: { schema: { $ref: "#/components/schemas/WebhookDelivery" } } }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "404": { $ref: "#/components/responses/Problem" }
        "405": { $ref: "#/components/responses/Problem" }
        "503": { $ref: "#/components/responses/Problem" }
  /v1/merchants:
    get:
      operationId: listMerchantProfiles
      summary: Merchant profiles in id order, a page at a time (a scoped key sees its own only).
      parameters:
        - { name: after, in: query, required: false, description: The nextAfter of the previous page., schema: { type: string } }
        - { name: limit, in: query, required: false, schema: { type: integer, minimum: 1, maximum: 500, default: 100 } }
      responses:
        "200":
          description: A page of profiles.
          content:
            application/json:
              schema:
                type: object
                required: [merchants]
                properties:
                  merchants: { type: array, items: { $ref: "#/components/schemas/MerchantProfileRecord" } }
                  nextAfter: { type: string, description: Pass as after for the next page; absent on the last. }
        "400": { $ref: "#/components/responses/Problem" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "404": { $ref: "#/components/responses/Problem" }
        "405": { $ref: "#/components/responses/Problem" }
        "503": { $ref: "#/components/responses/Problem" }
  /v1/merchants/{merchantId}:
    parameters:
      - $ref: "#/components/parameters/MerchantId"
    get:
      operationId: getMerchantProfile
      summary: One merchant profile, its version (the ETag) and its next cutoff.
      responses:
        "200":
          description: The profile.
          headers: { ETag: { $ref: "#/components/headers/ETag" } }
          content: { application/json: { schema: { $ref: "#/components/schemas/MerchantProfileRecord" } } }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "404": { $ref: "#/components/responses/Problem" }
        "405": { $ref: "#/components/responses/Problem" }
        "503": { $ref: "#/components/responses/Problem" }
    put:
      operationId: putMerchantProfile
      summary: Create or replace a merchant profile, checked by the settlement document's own rules.
      description: >-
        The profile is validated in full before anything is stored (400 lists every problem with
        its JSON pointer). With If-Match, the replacement happens only at that version (412
        otherwise). A cutoff already due when a profile is replaced still closes.
      parameters:
        - { name: If-Match, in: header, required: false, description: The ETag a GET gave (such as "3")., schema: { type: string } }
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: "#/components/schemas/MerchantProfile" } } }
      responses:
        "200":
          description: Replaced.
          headers: { ETag: { $ref: "#/components/headers/ETag" } }
          content: { application/json: { schema: { $ref: "#/components/schemas/MerchantProfileRecord" } } }
        "201":
          description: Created.
          headers:
            ETag: { $ref: "#/components/headers/ETag" }
            Location: { description: The profile., schema: { type: string } }
          content: { application/json: { schema: { $ref: "#/components/schemas/MerchantProfileRecord" } } }
        "400": { $ref: "#/components/responses/InvalidDocument" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "404": { $ref: "#/components/responses/Problem" }
        "405": { $ref: "#/components/responses/Problem" }
        "412": { $ref: "#/components/responses/Problem" }
        "415": { $ref: "#/components/responses/Problem" }
        "503": { $ref: "#/components/responses/Problem" }
    delete:
      operationId: deleteMerchantProfile
      summary: Delete a merchant profile (at the If-Match version, when given).
      parameters:
        - { name: If-Match, in: header, required: false, description: The ETag a GET gave., schema: { type: string } }
      responses:
        "204": { description: Deleted. }
        "400": { $ref: "#/components/responses/Problem" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "404": { $ref: "#/components/responses/Problem" }
        "405": { $ref: "#/components/responses/Problem" }
        "409": { $ref: "#/components/responses/Problem" }
        "412": { $ref: "#/components/responses/Problem" }
        "503": { $ref: "#/components/responses/Problem" }
  /v1/merchants/{merchantId}/captures:
    parameters:
      - $ref: "#/components/parameters/MerchantId"
    post:
      operationId: capture
      summary: Add one detail record to the merchant's open batch; its card number is kept sealed.
      description: >-
        The body is one element of a settlement document's detailRecords, validated at once as a
        batch of the merchant's profile would be (400 lists every problem, with JSON pointers into
        the body; nothing is stored). The card number is stored only encrypted (AES-256-GCM) and
        erased once its batch is accepted. The same request again under its Idempotency-Key
        answers 200 with the same capture; a capture of the same card, amount and approval code
        under another key is refused as a duplicate (409).
      parameters:
        - { name: Idempotency-Key, in: header, required: false, schema: { type: string, minLength: 1, maxLength: 255 } }
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: "#/components/schemas/DetailRecord" } } }
      responses:
        "200":
          description: The capture this key made before (Idempotent-Replayed).
          headers: { Idempotent-Replayed: { $ref: "#/components/headers/IdempotentReplayed" } }
          content: { application/json: { schema: { $ref: "#/components/schemas/CaptureReceipt" } } }
        "201":
          description: Captured.
          headers: { Location: { description: The capture., schema: { type: string } } }
          content: { application/json: { schema: { $ref: "#/components/schemas/CaptureReceipt" } } }
        "400": { $ref: "#/components/responses/InvalidDocument" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "404": { $ref: "#/components/responses/Problem" }
        "405": { $ref: "#/components/responses/Problem" }
        "409": { $ref: "#/components/responses/Problem" }
        "415": { $ref: "#/components/responses/Problem" }
        "422": { $ref: "#/components/responses/Problem" }
        "500": { $ref: "#/components/responses/Problem" }
        "503": { $ref: "#/components/responses/Problem" }
    get:
      operationId: listCaptures
      summary: The merchant's captures, oldest first (card numbers masked).
      parameters:
        - { name: state, in: query, required: false, schema: { enum: [open, voided, closing, settled, held, dropped] } }
        - { name: after, in: query, required: false, description: The nextAfter of the previous page., schema: { type: string } }
        - { name: limit, in: query, required: false, schema: { type: integer, minimum: 1, maximum: 500, default: 100 } }
      responses:
        "200":
          description: A page of captures.
          content:
            application/json:
              schema:
                type: object
                required: [captures]
                properties:
                  captures: { type: array, items: { $ref: "#/components/schemas/Capture" } }
                  nextAfter: { type: string }
        "400": { $ref: "#/components/responses/Problem" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "404": { $ref: "#/components/responses/Problem" }
        "405": { $ref: "#/components/responses/Problem" }
        "503": { $ref: "#/components/responses/Problem" }
  /v1/merchants/{merchantId}/captures/{captureId}:
    parameters:
      - $ref: "#/components/parameters/MerchantId"
      - { name: captureId, in: path, required: true, schema: { type: string, pattern: "^[A-Za-z0-9_]+$" } }
    get:
      operationId: getCapture
      summary: One capture (its card number masked).
      responses:
        "200": { description: The capture., content: { application/json: { schema: { $ref: "#/components/schemas/Capture" } } } }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "404": { $ref: "#/components/responses/Problem" }
        "405": { $ref: "#/components/responses/Problem" }
        "503": { $ref: "#/components/responses/Problem" }
    delete:
      operationId: voidCapture
      summary: Void a capture while its batch is open, or drop a held one from its batch (its card number is erased).
      responses:
        "200": { description: Voided., content: { application/json: { schema: { $ref: "#/components/schemas/Capture" } } } }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "404": { $ref: "#/components/responses/Problem" }
        "405": { $ref: "#/components/responses/Problem" }
        "409": { $ref: "#/components/responses/Problem" }
        "503": { $ref: "#/components/responses/Problem" }
  /v1/merchants/{merchantId}/close:
    parameters:
      - $ref: "#/components/parameters/MerchantId"
    post:
      operationId: closeBatch
      summary: Close the open batch now; its batches are settled in the background.
      description: >-
        Freezes the open captures (later ones go to the next batch), splits them into batches of at
        most the configured size and settles each through the ledger (webhooks included). The
        close is at Location.
      responses:
        "202":
          description: Closed; settling.
          headers: { Location: { description: The close., schema: { type: string } } }
          content: { application/json: { schema: { $ref: "#/components/schemas/Close" } } }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "404": { $ref: "#/components/responses/Problem" }
        "405": { $ref: "#/components/responses/Problem" }
        "409": { $ref: "#/components/responses/Problem" }
        "503": { $ref: "#/components/responses/Problem" }
  /v1/merchants/{merchantId}/closes:
    parameters:
      - $ref: "#/components/parameters/MerchantId"
    get:
      operationId: listCloses
      summary: The merchant's closes, newest first.
      parameters:
        - { name: limit, in: query, required: false, schema: { type: integer, minimum: 1, maximum: 500, default: 50 } }
      responses:
        "200":
          description: The closes.
          content:
            application/json:
              schema:
                type: object
                required: [closes]
                properties:
                  closes: { type: array, items: { $ref: "#/components/schemas/Close" } }
        "400": { $ref: "#/components/responses/Problem" }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "404": { $ref: "#/components/responses/Problem" }
        "405": { $ref: "#/components/responses/Problem" }
        "503": { $ref: "#/components/responses/Problem" }
  /v1/merchants/{merchantId}/closes/{closeId}/retry:
    parameters:
      - $ref: "#/components/parameters/MerchantId"
      - { name: closeId, in: path, required: true, schema: { type: string, pattern: "^[A-Za-z0-9_]+$" } }
    post:
      operationId: retryClose
      summary: Try a held close's held batches again (after checking TSYS reports or resolving a settlement).
      description: >-
        Each held batch is tried again under a new key; one whose earlier settlement was captured
        after all (accepted, or in doubt and resolved captured) is settled without sending anything.
      responses:
        "202":
          description: Settling again.
          headers: { Location: { description: The close., schema: { type: string } } }
          content: { application/json: { schema: { $ref: "#/components/schemas/Close" } } }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "404": { $ref: "#/components/responses/Problem" }
        "405": { $ref: "#/components/responses/Problem" }
        "409": { $ref: "#/components/responses/Problem" }
        "503": { $ref: "#/components/responses/Problem" }
  /v1/merchants/{merchantId}/closes/{closeId}:
    parameters:
      - $ref: "#/components/parameters/MerchantId"
      - { name: closeId, in: path, required: true, schema: { type: string, pattern: "^[A-Za-z0-9_]+$" } }
    get:
      operationId: getClose
      summary: One close and how each of its batches is settling.
      responses:
        "200": { description: The close., content: { application/json: { schema: { $ref: "#/components/schemas/Close" } } } }
        "401": { $ref: "#/components/responses/Unauthorized" }
        "404": { $ref: "#/components/responses/Problem" }
        "405": { $ref: "#/components/responses/Problem" }
        "503": { $ref: "#/components/responses/Problem" }
  /healthz:
    get:
      operationId: health
      security: []
      responses:
        "200": { $ref: "#/components/responses/Health" }
  /readyz:
    get:
      operationId: ready
      summary: Ready to settle (503 while draining, or when the settlement ledger cannot be written).
      security: []
      responses:
        "200": { $ref: "#/components/responses/Health" }
        "503": { $ref: "#/components/responses/Problem" }
  /openapi.yaml:
    get:
      operationId: specification
      summary: This document.
      security: []
      responses:
        "200": { description: The OpenAPI document., content: { application/yaml: {} } }
  /metrics:
    get:
      operationId: metrics
      summary: Prometheus text exposition.
      responses:
        "200": { description: Metrics., content: { text/plain: { schema: { type: string } } } }
        "401": { $ref: "#/components/responses/Unauthorized" }
webhooks:
  settlementEvent:
    post:
      operationId: settlementEvent
      summary: A settlement's state changed (Standard Webhooks).
      description: >-
        Sent to each configured endpoint (`--webhook-url`, endpoints 2-4 in the configuration
        file) for every event it asked for, at least once: receivers drop repeats by
        `webhook-id`. Verify `webhook-signature` (`v1,` and the base64 HMAC-SHA256 of
        `webhook-id.webhook-timestamp.body` under the secret's bytes; several, space-separated,
        while a secret is rotated) and refuse old timestamps. Any 2xx answer delivers it; anything
        else is tried again with backoff for 72 hours. Redirects are not followed.
      security: []
      parameters:
        - { name: webhook-id, in: header, required: true, schema: { type: string } }
        - { name: webhook-timestamp, in: header, required: true, description: Seconds since 1970., schema: { type: string } }
        - { name: webhook-signature, in: header, required: true, schema: { type: string } }
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "#/components/schemas/SettlementEvent" }
      responses:
        "200": { description: Received (any 2xx). }
components:
  headers:
    Location:
      description: The settlement's ledger entry (`GET` it for its state).
      schema: { type: string, pattern: "^/v1/settlements/[A-Za-z0-9_]+$" }
    IdempotentReplayed:
      description: "`true` when this is the stored answer to an earlier request with the same Idempotency-Key."
      schema: { const: "true" }
    ETag:
      description: The merchant profile's version, quoted; send it as If-Match to replace or delete that version only.
      schema: { type: string, pattern: '^"[0-9]+"$' }
  parameters:
    MerchantId:
      name: merchantId
      in: path
      required: true
      description: The caller's name for the merchant.
      schema: { type: string, pattern: "^[A-Za-z0-9_-]{1,64}$" }
  securitySchemes:
    apiKey:
      type: http
      scheme: bearer
      description: >-
        An API key whose SHA-256 is configured on the server. Required once any key is configured.
        A key scoped to merchant profiles (configured as HASH@shop-1+shop-2) may call the
        /v1/merchants routes of those merchants only: other merchants are not found (404), other
        routes are forbidden (403, type /problems/key-scoped-to-merchants).
  responses:
    Health:
      description: The service is up; which environment settles.
      content:
        application/json:
          schema:
            type: object
            required: [status, environment]
            properties:
              status: { const: ok }
              environment: { $ref: "#/components/schemas/Environment" }
    InvalidDocument:
      description: The document is invalid; every problem is listed and nothing was sent.
      content: { application/problem+json: { schema: { $ref: "#/components/schemas/Problem" } } }
    Unauthorized:
      description: A valid API key is required.
      headers: { WWW-Authenticate: { schema: { const: Bearer } } }
      content: { application/problem+json: { schema: { $ref: "#/components/schemas/Problem" } } }
    Problem:
      description: The request cannot be served as sent.
      content: { application/problem+json: { schema: { $ref: "#/components/schemas/Problem" } } }
  schemas:
    Environment: { enum: [simulator, test, live, custom] }
    Problem:
      type: object
      description: RFC 9457 problem details with a stable `code` (the TSYSSettle class reference's number where one fits).
      required: [type, title, status, detail, code]
      properties:
        type:
          type: string
          format: uri-reference
          description: >-
            A relative URI naming the kind of problem. `/problems/{code}` for most: the `code` below.
            `/problems/{name}` for the ledger's refusals, which share status and code 409 or 422:
            `idempotency-key-reused` (the key was used for another request), `settlement-in-progress`
            (the same key or batch number is being settled now; retry after Retry-After),
            `batch-number-accepted` (the number was accepted within five days), `batch-in-doubt`
            (an earlier attempt of this number is in doubt and must be resolved first);
            `merchant-not-found`, `version-mismatch` (If-Match names another version of the
            profile), `key-scoped-to-merchants` (the key may call its merchants' routes only),
            `captures-pending`, `capture-not-found`, `capture-not-open`, `duplicate-capture`,
            `open-batch-empty`, `close-not-found` and `close-not-held`.
        title: { type: string }
        status: { type: integer }
        detail: { type: string }
        code:
          type: integer
          description: >-
            Stable. The TSYSSettle class reference's numbers where one fits: 201/301 timeouts,
            270–284 TLS (275 the host's certificate does not verify), 501–506 and 593/606 document
            fields, 509 no host configured, 512–524 the host's answer and the link, 544 the batch
            could not be built, 594–595 the session, 10013–11001 TCP/IP (10061 refused, 11001 host not
            found). 600: the body is not JSON (with its byte offset); 601: the body is JSON past a
            limit (nesting over 64, an integer beyond 9223372036854775807). Otherwise the HTTP
            status (400–415, 422, 500, 503).
        problems: { type: array, items: { $ref: "#/components/schemas/ValidationProblem" } }
        result: { $ref: "#/components/schemas/SettlementResult" }
        settlement: { type: string, description: the ledger entry the problem is about }
    SettlementProblem:
      allOf:
        - $ref: "#/components/schemas/Problem"
        - required: [result]
    SettlementState: { enum: [received, transmitting, accepted, duplicate, rejected, failed, in_doubt] }
    SettlementEvent:
      type: object
      description: >-
        A change of a settlement's state, or a merchant's batch closed, as listed and as a webhook's
        payload (Standard Webhooks' type, timestamp, data). data is the settlement for settlement.*
        events and the close for batch.* events.
      required: [id, type, timestamp, sequence, data]
      properties:
        id: { type: string, description: "`evt_…`, the same on every delivery attempt (a webhook's `webhook-id`).", pattern: "^evt_[0-9a-f]{32}$" }
        type:
          type: string
          enum:
            - settlement.accepted
            - settlement.rejected
            - settlement.duplicate
            - settlement.failed
            - settlement.in_doubt
            - settlement.resolved
            - batch.closed
            - batch.cutoff_skipped
        timestamp: { type: string, format: date-time }
        sequence: { type: integer, minimum: 1, description: The order of commit. }
        data:
          oneOf:
            - $ref: "#/components/schemas/SettlementRecord"
            - $ref: "#/components/schemas/Close"
    SettlementSummaryLine:
      type: object
      required: [brand, kind, count, amount]
      properties:
        brand: { type: string, enum: [visa, masterCard, americanExpress, discover, other] }
        kind: { type: string, enum: [sale, credit, cashBack, gratuity, unknown], description: Cash back and gratuity are parts of the sales' amounts. }
        count: { type: integer, minimum: 0 }
        amount: { type: integer, description: Minor units. }
    SettlementTotals:
      type: object
      required: [recordCount, netDeposit]
      properties:
        recordCount: { type: integer }
        netDeposit: { type: integer, description: Minor units (ours signed; the host's as it answers). }
    SettlementSummary:
      type: object
      required: [settlementId, merchantNumber, terminalNumber, batchNumber, batchDate, environment, state, lines, ours, balanced]
      properties:
        settlementId: { type: string }
        merchantNumber: { type: string }
        terminalNumber: { type: string }
        batchNumber: { type: integer }
        batchDate: { type: string, format: date }
        environment: { type: string }
        state: { $ref: "#/components/schemas/SettlementState" }
        lines: { type: array, items: { $ref: "#/components/schemas/SettlementSummaryLine" } }
        ours: { $ref: "#/components/schemas/SettlementTotals" }
        host: { $ref: "#/components/schemas/SettlementTotals" }
        balanced: { type: boolean }
        difference: { type: string, description: Why not balanced. }
    WebhookDelivery:
      type: object
      required: [id, eventId, settlementId, endpointId, state, attempts, createdAt]
      properties:
        id: { type: string }
        eventId: { type: string, description: The event delivered (its webhook-id). }
        settlementId: { type: string }
        endpointId: { type: string, description: "`whe_` and 16 hex digits of the endpoint URL's SHA-256." }
        state: { type: string, enum: [pending, delivered, abandoned] }
        attempts: { type: integer, minimum: 0 }
        nextAttemptAt: { type: string, format: date-time, description: While pending. }
        lastStatus: { type: integer }
        lastError: { type: string }
        createdAt: { type: string, format: date-time }
        deliveredAt: { type: string, format: date-time }
        tries:
          type: array
          description: Every try, first first (one delivery's page only).
          items:
            type: object
            required: [number, at, replica, milliseconds]
            properties:
              number: { type: integer, minimum: 1 }
              at: { type: string, format: date-time }
              replica: { type: string }
              status: { type: integer }
              error: { type: string }
              milliseconds: { type: integer, minimum: 0 }
    SettlementRecord:
      type: object
      description: A settlement as the ledger holds it. `records` is left out of lists.
      required: [id, state, merchantNumber, terminalNumber, batchNumber, batchDate, industryType, recordCount, totals, environment, createdAt, updatedAt]
      properties:
        id: { type: string }
        state: { $ref: "#/components/schemas/SettlementState" }
        idempotencyKey: { type: string }
        merchantNumber: { type: string }
        terminalNumber: { type: string }
        batchNumber: { type: integer }
        batchDate: { type: string, format: date }
        industryType: { type: string }
        recordCount: { type: integer }
        totals:
          type: object
          required: [netDeposit, hashingTotal, cashBackTotal]
          properties:
            netDeposit: { type: integer, description: minor units; negative for a net credit }
            hashingTotal: { type: integer }
            cashBackTotal: { type: integer }
        environment: { $ref: "#/components/schemas/Environment" }
        responseCode: { type: string }
        responseText: { type: string }
        responseBatchNumber: { type: integer }
        responseNetDeposit: { type: integer }
        responseRecordCount: { type: integer }
        rejection: { type: object }
        failure: { type: string }
        answerStatus: { type: integer }
        resolution: { enum: [captured, notCaptured] }
        resolutionNote: { type: string }
        createdAt: { type: string, format: date-time }
        updatedAt: { type: string, format: date-time }
        records:
          type: array
          items:
            type: object
            required: [index, maskedCardNumber, amount, transactionCode]
            properties:
              index: { type: integer }
              maskedCardNumber: { type: string, description: first six and last four digits at most }
              amount: { type: integer }
              transactionCode: { type: string }
    ValidationProblem:
      type: object
      required: [code, pointer, message]
      properties:
        code: { type: integer, description: "501 length, 502 format, 503 range, 504 Luhn, 593 missing or erroneous, 606 empty, 600 not JSON, 601 past a limit" }
        pointer: { type: string, description: JSON pointer into the settlement document }
        detailIndex: { type: integer }
        message: { type: string }
    BatchTotals:
      type: object
      required: [batchRecordCount, batchHashingTotal, batchCashBackTotal, batchNetDeposit, netDepositIsCredit]
      properties:
        batchRecordCount: { type: integer }
        batchHashingTotal: { type: integer, description: minor units }
        batchCashBackTotal: { type: integer, description: minor units }
        batchNetDeposit: { type: integer, description: minor units, absolute value }
        netDepositIsCredit: { type: boolean }
    SettlementResult:
      type: object
      required: [outcome, environment, totals]
      properties:
        outcome: { enum: [accepted, duplicate, rejected, failed, inDoubt] }
        environment: { $ref: "#/components/schemas/Environment" }
        responseCode: { enum: [GB, QD, DB, RB] }
        responseText: { type: string }
        responseBatchNumber: { type: integer }
        responseRecordCount: { type: integer }
        responseNetDeposit: { type: integer }
        totals: { $ref: "#/components/schemas/BatchTotals" }
        totalsMatch: { type: boolean }
        rejection:
          type: object
          required: [errorType, sequenceNumber, recordType, fieldNumber, data]
          properties:
            errorType: { type: string }
            sequenceNumber: { type: integer }
            recordType: { type: string }
            fieldNumber: { type: integer }
            data: { type: string, description: the host's error data (card numbers masked) }
            detailRecordIndex: { type: integer }
        failure:
          type: object
          required: [code, message, inDoubt]
          properties:
            code: { type: integer }
            message: { type: string }
            inDoubt: { type: boolean, description: the trailer went out; check TSYS reports before sending again }
        trace: { type: array, items: { type: string }, description: "masked connection events and packets (with ?trace=true)" }
    ValidationReport:
      type: object
      required: [valid, problems]
      properties:
        valid: { type: boolean }
        problems: { type: array, items: { $ref: "#/components/schemas/ValidationProblem" } }
        batch:
          type: object
          properties:
            industryType: { type: string }
            batchNumber: { type: integer, description: 0 when the ledger will allocate it }
            transmissionDate: { type: string, format: date }
            detailRecordCount: { type: integer }
            lineItemCount: { type: integer }
            chipAddendumCount: { type: integer, description: chip card addendum (C) records }
            applicationType: { enum: ["1", "5"] }
            combineRecords: { type: boolean }
            blockCount: { type: integer }
            wireBytes: { type: integer }
        totals: { $ref: "#/components/schemas/BatchTotals" }
        notes:
          type: array
          description: what a valid document held that the batch does not use, such as ICC data tags the chip card addendum has no field for
          items:
            type: object
            required: [path, message]
            properties:
              path: { type: string, description: JSON pointer }
              message: { type: string }
    Capture:
      type: object
      required: [id, merchantId, state, maskedCardNumber, amount, kind, cardNumberErased, createdAt, updatedAt, record]
      properties:
        id: { type: string }
        merchantId: { type: string }
        state: { enum: [open, voided, closing, settled, held, dropped] }
        maskedCardNumber: { type: string, description: First 6 and last 4 digits. }
        amount: { type: integer, format: int64, description: The settlement amount in minor units. }
        kind: { enum: [sale, credit] }
        cardNumberErased: { type: boolean }
        closeId: { type: string }
        createdAt: { type: string, format: date-time }
        updatedAt: { type: string, format: date-time }
        record: { type: object, description: The detail record as captured, without cardNumber. }
    CaptureReceipt:
      type: object
      required: [capture, openBatch]
      properties:
        capture: { $ref: "#/components/schemas/Capture" }
        openBatch:
          type: object
          required: [captures, netAmount]
          properties:
            captures: { type: integer }
            netAmount: { type: integer, format: int64, description: Sales less credits, in minor units. }
        nextCutoff: { type: string, format: date-time, description: "RFC 3339 with the zone's offset." }
    Close:
      type: object
      required: [id, merchantId, reason, state, captureCount, netAmount, transmissionDate, batches, createdAt, updatedAt]
      properties:
        id: { type: string }
        merchantId: { type: string }
        reason: { enum: [cutoff, manual] }
        cutoffAt: { type: string, format: date-time }
        state: { enum: [settling, settled, held, skipped] }
        captureCount: { type: integer }
        netAmount: { type: integer, format: int64 }
        transmissionDate: { type: string, format: date }
        batches:
          type: array
          items:
            type: object
            required: [index, state, attempt, captureCount, netAmount]
            properties:
              index: { type: integer }
              state: { enum: [pending, accepted, held] }
              attempt: { type: integer }
              batchNumber: { type: integer }
              settlementId: { type: string }
              captureCount: { type: integer }
              netAmount: { type: integer, format: int64 }
              rejectedCaptureId: { type: string }
              note: { type: string }
        createdAt: { type: string, format: date-time }
        updatedAt: { type: string, format: date-time }
    MerchantProfile:
      type: object
      description: >-
        What every batch of a merchant carries, and when its open batch closes. The objects are the
        settlement document's own, checked by the same rules.
      required: [merchant, cutoff]
      additionalProperties: false
      properties:
        industryType: { enum: [unknown, retail, restaurant, groceryStore, directMarketing, hotel, autoRental, passengerTransport] }
        merchant: { $ref: "#/components/schemas/Merchant" }
        settings: { $ref: "#/components/schemas/BatchSettings" }
        travelAgency: { $ref: "#/components/schemas/TravelAgency" }
        cutoff: { $ref: "#/components/schemas/Cutoff" }
    Cutoff:
      type: object
      description: >-
        Wall-clock times in the merchant's zone. A time the clocks skip at a daylight-saving change
        closes at the change; a time they repeat closes once, at its first occurrence.
      required: [timeZone, times]
      additionalProperties: false
      properties:
        timeZone: { type: string, description: An IANA time zone (America/New_York)., examples: [America/New_York] }
        times:
          type: array
          minItems: 1
          maxItems: 24
          uniqueItems: true
          items: { type: string, pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$", description: HH:MM, 24-hour. }
        days:
          enum: [every, banking]
          default: every
          description: banking is Monday to Friday except the Federal Reserve Banks' holidays.
        skip: { type: array, maxItems: 550, items: { type: string, format: date }, description: Local dates with no close. }
    MerchantProfileRecord:
      type: object
      required: [id, version, createdAt, updatedAt, profile]
      properties:
        id: { type: string }
        version: { type: integer, minimum: 1, description: The ETag; one more at each replacement. }
        nextCutoff: { type: string, format: date-time, description: "RFC 3339 with the zone's offset; absent when none is to come." }
        createdAt: { type: string, format: date-time }
        updatedAt: { type: string, format: date-time }
        profile: { $ref: "#/components/schemas/MerchantProfile" }
    SettlementDocument:
      type: object
      description: One batch. Unknown fields are refused; `cvv`, track data and PIN blocks are never accepted.
      required: [industryType, merchant, detailRecords]
      additionalProperties: false
      properties:
        industryType: { enum: [unknown, retail, restaurant, groceryStore, directMarketing, hotel, autoRental, passengerTransport] }
        batchNumber:
          type: integer
          minimum: 1
          maximum: 999
          description: Leave it out to have the ledger allocate the next free number for the merchant and terminal.
        transmissionDate: { type: string, format: date }
        merchant: { $ref: "#/components/schemas/Merchant" }
        settings: { $ref: "#/components/schemas/BatchSettings" }
        travelAgency: { $ref: "#/components/schemas/TravelAgency" }
        detailRecords: { type: array, minItems: 1, items: { $ref: "#/components/schemas/DetailRecord" } }
    BatchSettings:
      type: object
      description: Per-batch overrides of the server's configuration (the developer and application ids are server configuration only).
      additionalProperties: false
      properties:
        combineRecords: { type: boolean }
        deviceCode: { type: string }
        amexAggregatorName: { type: string }
        genKey: { type: string, description: "Gen2 authentication key (header group 4), 24 hexadecimal digits; needed for transactionSecurityIndicator" }
    TravelAgency:
      type: object
      description: Passenger transport only (header group 1).
      additionalProperties: false
      properties:
        code: { type: string }
        name: { type: string }
    Merchant:
      type: object
      additionalProperties: false
      required: [bankId, agentBankNumber, agentChainNumber, number, storeNumber, terminalNumber, categoryCode, name, state, zip, timeZone, terminalId]
      properties:
        bankId: { type: string }
        agentBankNumber: { type: string }
        agentChainNumber: { type: string }
        number: { type: string }
        storeNumber: { type: string }
        terminalNumber: { type: string }
        categoryCode: { type: string }
        name: { type: string }
        city: { type: string }
        state: { type: string }
        zip: { type: string }
        countryCode: { type: string }
        currencyCode: { type: string }
        language: { type: string }
        timeZone: { type: string }
        localPhone: { type: string }
        servicePhone: { type: string }
        terminalId: { type: string }
        locationNumber: { type: string }
        streetAddress: { type: string, description: accepted, not sent (authorization only) }
        phone: { type: string, description: accepted, not sent (authorization only) }
    DetailRecord:
      type: object
      description: >-
        One transaction, with the optional industry and commercial groups as objects. The server
        reports any field it does not know by JSON pointer.
      required: [transactionType, cardNumber, settlementAmount, transactionDate, posDataCode]
      additionalProperties: false
      properties:
        industryType: { type: string, description: must match the batch's when given }
        transactionType: { enum: [cardNotPresent, cardPresent, offlineCredit, forceCardNotPresent, forceCardPresent, debitPurchase, debitRefund] }
        cardNumber: { type: string, pattern: "^[0-9]{12,19}$" }
        settlementAmount: { type: integer, minimum: 1, maximum: 9999999, description: minor units }
        authorizedAmount: { type: integer, minimum: 0, maximum: 9999999, description: minor units }
        totalAuthorizedAmount: { type: integer, minimum: 0, maximum: 9999999, description: minor units }
        transactionDate: { type: string, format: date }
        transactionTime: { type: string, pattern: "^[0-9]{2}:[0-9]{2}:[0-9]{2}$" }
        transactionNumber: { type: integer, minimum: 1, maximum: 9999 }
        approvalCode: { type: string }
        authorizationSource: { type: string }
        requestedACI: { type: string }
        responseACI: { type: string }
        responseCode: { type: string }
        avsResult: { type: string }
        transactionId: { type: string }
        validationCode: { type: string }
        reimbursementAttribute: { type: string }
        posDataCode: { type: string }
        cardholderId: { type: string }
        accountDataSource: { type: string }
        entryDataSource: { type: string }
        isBillPayment: { type: boolean }
        authorizationReversalSent: { type: boolean }
        debitAcknowledgementMissing: { type: boolean }
        purchaseIdentifier:
          type: string
          maxLength: 25
          description: >-
            order, rental agreement or folio number; left-justified, not all zeros. American Express
            uses only the first 9 characters of an order number and 12 of a folio, so longer ones are
            refused. Empty sends format code Z (not used).
        cashBack: { type: integer, minimum: 1, maximum: 9999999, description: minor units }
        gratuity: { type: integer, minimum: 0, maximum: 9999999, description: minor units }
        cardNotPresent: { $ref: "#/components/schemas/CardNotPresent" }
        autoRental: { $ref: "#/components/schemas/AutoRental" }
        lodging: { $ref: "#/components/schemas/Lodging" }
        passengerTransport: { $ref: "#/components/schemas/PassengerTransport" }
        debit: { $ref: "#/components/schemas/Debit" }
        level2: { $ref: "#/components/schemas/Level2" }
        level3: { $ref: "#/components/schemas/Level3" }
        marketSpecificData:
          type: string
          description: >-
            group 31 market indicator (B bill payment, E e-commerce aggregation, M health care, …); not
            with lodging, auto rental, Level III or Amex Level II data. A bill payment is sent as
            transaction code 5B (9B debit) unless --bill-payment-code is off; its cardholderId must then
            be N exactly when the card was not present.
        merchantVerificationValue: { type: string }
        chip: { $ref: "#/components/schemas/Chip" }
        merchantCategoryCodeOverride:
          type: string
          pattern: "^[0-9]{4}$"
          description: group 6; hotel batches only, for a charge not made at the front desk (gift shop, restaurant)
        laneId: { type: integer, minimum: 0, maximum: 99999999, description: "group 11: the lane or terminal at the location, sent as 8 digits" }
        serviceDevelopmentIndicator: { type: integer, minimum: 5, maximum: 7, description: "group 14, Visa only: 5 transponder, 6 Visa Relationship Manager, 7 deferred billing" }
        existingDebt: { type: boolean, description: "group 16, Visa only: the sale pays an existing debt such as a loan (sent as 9)" }
        ucafCollectionIndicator:
          enum: ["0", "1", "2", "5", "6", "7"]
          description: >-
            group 17, MasterCard 3-D Secure: 0 no UCAF, 1 supported but not sent, 2 UCAF data sent, 5 issuer
            risk-based decision, 6 merchant risk-based decision, 7 partial shipment or recurring payment
        eCommerceGoodsIndicator: { enum: [D, P], description: "group 18: D digital goods, P physical goods" }
        location: { $ref: "#/components/schemas/LocationDetail" }
        masterCardServiceCode: { type: string, pattern: "^[0-9]{3}$", description: "group 37, MasterCard only: the card's service code" }
        visaCardProductCode: { type: string, pattern: "^[0-9A-Za-z]{0,2}$", description: "group 38, Visa only: the card product code the authorization returned; empty for credits and off-line sales" }
        discoverPosDataCode:
          type: string
          pattern: "^[0-9A-Z]{13}$"
          description: >-
            group 40, Discover and PayPal only: the 13-position POS data code of the authorization, each
            position from its list in EIS 1081 §4.105 (docs/wire/detail-groups.md)
        discoverPartialShipment: { type: boolean, description: "group 40: part of the goods is still to ship" }
        paymentFacilitator: { $ref: "#/components/schemas/PaymentFacilitator" }
        token: { $ref: "#/components/schemas/Token" }
        detailExtension: { $ref: "#/components/schemas/DetailExtension" }
        transactionSecurityIndicator:
          enum: [E, T]
          description: "group 45: E the card number is encrypted, T it is a token; needs settings.genKey (Gen2 authentication)"
        softDescriptor: { type: string, maxLength: 25, description: "group 46: free text for the merchant's own reports; not with level3" }
        amexInsurance: { $ref: "#/components/schemas/AmexInsurance" }
        amexTransactionAdvice: { $ref: "#/components/schemas/AmexTransactionAdvice" }
        canadianTaxes:
          type: array
          maxItems: 6
          description: >-
            group 29 and one Canadian tax line item record per tax (MasterCard Canada intracountry
            commercial data); sent as record type X, or L with --canadian-tax-record-type L
          items: { $ref: "#/components/schemas/CanadianTax" }
    CanadianTax:
      type: object
      required: [amount, rate, rateExponent, typeIdentifier]
      additionalProperties: false
      properties:
        isIncluded: { type: boolean, description: "the tax is included in the sale amount (Y); default true" }
        amount: { type: integer, minimum: 0, maximum: 9999999, description: minor units }
        rate: { type: integer, minimum: 0, maximum: 99999, description: "the rate's digits, with rateExponent decimals (12345 and 3 is 12.345)" }
        rateExponent: { type: integer, minimum: 0, maximum: 9 }
        typeApplied: { type: string, maxLength: 4 }
        typeIdentifier: { enum: ["00", "01", "03", "04", "05", "06", "10", "11", "12", "13", "14", "20", "21", "22"] }
    AmexTransactionAdvice:
      type: object
      description: >-
        American Express transaction advice (groups 33, 34, 35 and one A record per line, EIS 1081
        §3.2.13-3.2.16; docs/wire/addenda-groups.md). Retail items need retailDepartmentName (group
        33), lodging items lodgingRenterName (group 34), charge items the corporate purchasing data of
        level2 (group 39). Additional amounts are already part of the settlement amount.
      additionalProperties: false
      properties:
        retailDepartmentName: { type: string, maxLength: 40, description: upper case }
        lodgingRenterName: { type: string, maxLength: 26, description: upper case }
        additionalAmounts: { type: array, maxItems: 5, items: { $ref: "#/components/schemas/AdviceAdditionalAmount" } }
        retailItems: { type: array, maxItems: 6, items: { $ref: "#/components/schemas/AdviceRetailItem" } }
        lodgingItems: { type: array, maxItems: 3, items: { $ref: "#/components/schemas/AdviceLodgingItem" } }
        chargeItems: { type: array, maxItems: 4, items: { $ref: "#/components/schemas/AdviceChargeItem" } }
    AdviceAdditionalAmount:
      type: object
      description: a TAD record
      required: [type, amount]
      additionalProperties: false
      properties:
        type: { type: string, pattern: "^[0-9]{3}$", description: "additional amount type (Table 4.8: 001, 013, 015-042, 046-048, 055-058, 060, 074, 075)" }
        amount: { type: integer, minimum: 0, maximum: 9999999, description: minor units }
        isCredit: { type: boolean, description: "a credit to the cardmember (sign -)" }
    AdviceRetailItem:
      type: object
      description: a RET record
      required: [description, unitAmount]
      additionalProperties: false
      properties:
        description: { type: string, maxLength: 19 }
        quantity: { type: integer, minimum: 0, maximum: 999, description: default 1 }
        unitAmount: { type: integer, minimum: 0, maximum: 9999999, description: minor units }
    AdviceLodgingItem:
      type: object
      description: a LOD record
      required: [roomRate, nights]
      additionalProperties: false
      properties:
        roomRate: { type: integer, minimum: 0, maximum: 9999999, description: minor units }
        nights: { type: integer, minimum: 0, maximum: 99 }
    AdviceChargeItem:
      type: object
      description: a CPS record
      required: [unitAmount]
      additionalProperties: false
      properties:
        quantity: { type: integer, minimum: 0, maximum: 999, description: default 1 }
        unitAmount: { type: integer, minimum: 0, maximum: 9999999, description: minor units }
    AmexInsurance:
      type: object
      description: >-
        Group 43 (EIS 1081 §4.28), American Express only: an insurance premium. Not in direct
        marketing batches or with cardNotPresent, gratuity, lodging, auto rental or Level II/III data
        (Table 3.9). Dates go out as CCYYMMDD.
      required: [policyNumber, coverageStartDate, coverageEndDate, insuredName]
      additionalProperties: false
      properties:
        policyNumber: { type: string, maxLength: 23 }
        coverageStartDate: { type: string, format: date }
        coverageEndDate: { type: string, format: date, description: not before coverageStartDate }
        premiumFrequency: { type: string, maxLength: 7, description: "the merchant's own words: MONTHLY, ANNUAL, …" }
        additionalPolicyNumber: { type: string, maxLength: 23 }
        policyType: { type: string, maxLength: 25 }
        insuredName: { type: string, maxLength: 30 }
    LocationDetail:
      type: object
      description: >-
        Group 36: where the sale took place when that is not the batch's merchant (usage 1), or a
        payment facilitator's sub-merchant (usage 2, required with paymentFacilitator). Upper case.
        American Express uses 38 characters of the name and 21 of the city; other brands use 25 and 13,
        so longer values are refused rather than cut by the host.
      required: [name, city]
      additionalProperties: false
      properties:
        name:
          type: string
          maxLength: 38
          description: "doing-business-as name; for a sub-merchant, the first 3 characters of the facilitator's name, '*', then up to 18 of the sub-merchant's (MON*BOBS CAR WASH)"
        address: { type: string, maxLength: 38, description: "street, web or e-mail address (American Express only); empty for a sub-merchant" }
        city: { type: string, maxLength: 21, description: or a customer service telephone number }
        region: { type: string, maxLength: 3, description: "state or province code; required for a sub-merchant" }
        country: { type: string, pattern: "^[0-9]{3}$", description: "ISO 3166 numeric; default 840" }
        postalCode: { type: string, maxLength: 15, description: "required (not all zeros) for a sub-merchant" }
    PaymentFacilitator:
      type: object
      description: >-
        Group 41 tags PFI and SMI, sent together and with location (group 36 usage 2) describing the
        sub-merchant.
      required: [id, subMerchantId]
      additionalProperties: false
      properties:
        id: { type: string, pattern: "^[0-9]{11}$", description: payment facilitator id assigned by the card brand (PFI) }
        subMerchantId: { type: string, maxLength: 15, description: sub-merchant id assigned by the facilitator (SMI) }
    Token:
      type: object
      description: Group 41 tags of a network token transaction.
      additionalProperties: false
      properties:
        assuranceLevel: { type: string, maxLength: 2, description: token assurance level from the token service provider (TAL) }
        requestorId: { type: string, maxLength: 11, description: token requestor id (TRI) }
    DetailExtension:
      type: object
      description: >-
        The other tags of group 41, the detail extension (EIS 1081 §4.137; docs/wire/detail-groups.md).
        Each is sent as its tag, its size and the value, so a value is never padded.
      additionalProperties: false
      properties:
        optionalAmountIdentifier: { enum: ["0", "1", "2"], description: "OAI: 0 not used, 1 local sales tax, 2 tax exempt" }
        optionalAmount: { type: integer, minimum: 0, maximum: 999999999999, description: "OA, minor units; needs optionalAmountIdentifier; a sales tax (1) must be 0.1% to 22% of the sale; Discover at most 999999" }
        purchaseOrderNumber: { type: string, maxLength: 25, description: "PON: replaces level2.purchaseOrderNumber on the wire (Visa: at most 17)" }
        paymentTransactionIndicator: { enum: [C01, C02, C03, C04, C05, C06], description: "PTI, MasterCard only" }
        iiasIndicator: { enum: ["0", "1", "2"], description: "IIA: MasterCard FSA/HRA inventory check" }
        merchantSellerId: { type: string, maxLength: 20, description: "SID: the aggregator's seller" }
        customIdentifier: { type: string, maxLength: 82, description: "CDV: a 6-character type (CUSORD, TRKNUM, …) then the identifier" }
        associationTimestamp: { type: string, pattern: "^[0-9]{1,10}$", description: ATS }
        transitTransactionType: { enum: ["01", "02", "03", "04", "05", "07"], description: TTT }
        transportationMode: { type: string, pattern: "^(0[0-9]|1[0-9]|2[0-2])$", description: TMI }
        transactionFee: { type: string, pattern: "^[CD][0-9]{8}$", description: "TFA: C or D and 8 digits of minor units" }
        domainServer: { enum: ["0", "1", "2"], description: "MDO, MasterCard contactless" }
        mobileDeviceType: { type: string, pattern: "^(0[0-9]|1[0-9])$", description: "MDE, MasterCard contactless device type" }
        discountTreatmentCode: { enum: ["0", "1", "2"], description: "DTC; needs Visa Level III (level3)" }
        taxTreatmentCode: { enum: ["0", "1", "2", "3", "4"], description: "TTC; needs Visa Level III (level3)" }
        spendQualifiedIndicator: { enum: [B, N, Q], description: SQI }
        accountRangeStatus: { enum: [R, N], description: "ARS: R regulated, N not regulated, as the authorization returned it" }
        walletIdentifier: { type: string, maxLength: 3, description: "WID: MasterPass wallet id" }
        isoId: { type: string, pattern: "^[0-9]{11}$", description: "ISO: independent sales organization id assigned by MasterCard" }
        digitalEntityIdentifier: { type: string, maxLength: 5, description: "DEI, Visa Checkout" }
        multiClearingIndicator: { enum: [M, F], description: "MCI: M more clearings follow, F final clearing" }
    Chip:
      type: object
      description: >-
        EMV data of a chip or contactless EMV transaction, sent as a chip card addendum record (C)
        after its detail (EIS 1081 §3.2.7; docs/wire/chip-card-addendum.md). Give either iccData or
        the named values. Required for MasterCard, American Express and Discover when the account
        data source is G or R or the POS data code's card data input mode is C, F or M; optional for
        Visa; never on card-not-present transactions. Binary values are hexadecimal (either case,
        sent upper-case).
      additionalProperties: false
      properties:
        iccData:
          type: string
          description: >-
            BER-TLV hex as a terminal or authorization returns it (tags 9C, 9A, 95, 5F2A, 9F36, 82, 9F26,
            9F37, 9F10, 9F27, 9F33, 5F34, 91, 9F34, 9F5B, 9F6E, 9F02); other tags are ignored
        transactionType: { type: string, description: "tag 9C, two digits; default 20 for credits, else 00" }
        terminalTransactionDate: { type: string, format: date, description: tag 9A }
        terminalVerificationResults: { type: string, description: "tag 95, 10 hex digits" }
        currencyCode: { type: string, description: "tag 5F2A as three digits; default 840" }
        applicationTransactionCounter: { type: string, description: "tag 9F36, 4 hex digits" }
        applicationInterchangeProfile: { type: string, description: "tag 82, 4 hex digits" }
        applicationCryptogram: { type: string, description: "tag 9F26, 16 hex digits" }
        unpredictableNumber: { type: string, description: "tag 9F37, 8 hex digits" }
        issuerApplicationData: { type: string, description: "tag 9F10, up to 64 hex digits; required for Visa and Amex" }
        cryptogramInformationData: { type: string, description: "tag 9F27, 2 hex digits (80 ARQC, 40 TC); required for MasterCard and Amex" }
        terminalCapabilities: { type: string, description: "tag 9F33, 6 hex digits; required for Visa and Discover" }
        cardSequenceNumber: { type: integer, minimum: 0, maximum: 99, description: tag 5F34 }
        issuerAuthenticationData: { type: string, description: "tag 91, 16 to 32 hex digits" }
        cvmResults: { type: string, description: "tag 9F34, 6 hex digits; required for MasterCard" }
        issuerScriptResults: { type: string, description: "tag 9F5B, 5-byte results, up to 50 hex digits" }
        formFactorIndicator: { type: string, description: "tag 9F6E, 8 hex digits" }
        cryptogramAmount: { type: integer, minimum: 0, maximum: 9999999, description: "tag 9F02 in minor units; required with an ARQC, refused otherwise" }
    CardNotPresent:
      type: object
      description: Direct marketing and e-commerce (groups 3 and 12).
      additionalProperties: false
      properties:
        motoIndicator: { type: string, description: "MOTO/e-commerce indicator; default 7 (secure e-commerce)" }
        installmentNumber: { type: integer, minimum: 0, maximum: 99, description: at most installmentCount }
        installmentCount: { type: integer, minimum: 0, maximum: 99 }
    Lodging:
      type: object
      description: Hotel (groups 5 and 7).
      required: [checkInDate]
      additionalProperties: false
      properties:
        checkInDate: { type: string, format: date }
        noShow: { type: string, description: "0 (default) or 1" }
        extraCharges: { type: string, description: "extra charge codes, up to 6 digits" }
        marketSpecificDataIdentifier: { type: string, description: default H }
        amex: { $ref: "#/components/schemas/LodgingAmex" }
    LodgingAmex:
      type: object
      description: American Express lodging data.
      required: [stayDuration, roomRate]
      additionalProperties: false
      properties:
        chargeType: { enum: [hotel, restaurant, giftShop] }
        stayDuration: { type: integer, minimum: 0, maximum: 99, description: nights }
        roomRate: { type: integer, minimum: 0, maximum: 9999999, description: minor units }
    AutoRental:
      type: object
      description: Auto rental (groups 4 and 13; group 42 for American Express, which needs amex).
      required: [rentalDate]
      additionalProperties: false
      properties:
        rentalDate: { type: string, format: date }
        noShow: { type: boolean }
        extraCharges: { type: string }
        marketSpecificDataIdentifier: { type: string, description: default A }
        returnDetails: { $ref: "#/components/schemas/AutoRentalReturn" }
        amex: { $ref: "#/components/schemas/AmexAutoRental" }
    AmexAutoRental:
      type: object
      description: >-
        Group 42 (EIS 1081 §4.27): required for an American Express rental, refused for other
        brands; not with returnDetails (group 13). Dates go out as CCYYMMDD, times as HHMMSS.
      required: [agreementNumber, pickupCity, pickupDate, returnCity, returnDate, renterName]
      additionalProperties: false
      properties:
        agreementNumber: { type: string, maxLength: 14 }
        pickupLocation: { type: string, maxLength: 38, description: where the vehicle was picked up }
        pickupCity: { type: string, maxLength: 18 }
        pickupRegion: { type: string, maxLength: 3 }
        pickupCountry: { type: string, pattern: "^[0-9]{3}$", description: "ISO 3166 numeric; default 840" }
        pickupDate: { type: string, format: date }
        pickupTime: { type: string, pattern: "^[0-9]{2}:[0-9]{2}:[0-9]{2}$", description: local time; default 00:00:00 }
        returnCity: { type: string, maxLength: 18 }
        returnRegion: { type: string, maxLength: 3 }
        returnCountry: { type: string, pattern: "^[0-9]{3}$", description: "ISO 3166 numeric; default 840" }
        returnDate: { type: string, format: date, description: not before pickupDate }
        returnTime: { type: string, pattern: "^[0-9]{2}:[0-9]{2}:[0-9]{2}$" }
        renterName: { type: string, maxLength: 26 }
        vehicleClassId: { type: string, description: "0001-0032 (mini … special) or 9999 (miscellaneous)" }
        distance: { type: integer, minimum: 0, maximum: 99999 }
        distanceUnit: { enum: [M, K], description: "miles or kilometres; required with a distance" }
        auditAdjustmentIndicator: { enum: [X, Y, Z], description: "X several adjustments, Y one (cardmember told), Z one (not told)" }
        auditAdjustmentAmount: { type: integer, minimum: 0, maximum: 9999999, description: "minor units; needs auditAdjustmentIndicator" }
    AutoRentalReturn:
      type: object
      additionalProperties: false
      properties:
        renterName: { type: string }
        returnCity: { type: string }
        returnStateOrCountry: { type: string }
        returnLocationId: { type: string }
    PassengerTransport:
      type: object
      description: Passenger transport (group 9), with up to four legs.
      required: [ticketNumber, passengerName, departureDate, origin, legs]
      additionalProperties: false
      properties:
        restrictedTicket: { type: boolean }
        passengerNumber: { type: integer, minimum: 1, maximum: 99, description: at most passengerCount }
        passengerCount: { type: integer, minimum: 1, maximum: 99 }
        ticketNumber: { type: string }
        passengerName: { type: string }
        departureDate: { type: string, format: date }
        origin: { type: string, description: airport code }
        legs: { type: array, items: { $ref: "#/components/schemas/TripLeg" } }
    TripLeg:
      type: object
      required: [carrier, serviceClass, destination]
      additionalProperties: false
      properties:
        carrier: { type: string }
        serviceClass: { type: string }
        stopOver: { type: string }
        destination: { type: string }
    Debit:
      type: object
      description: PIN debit settlement data (the debit transaction types).
      required: [retrievalReferenceNumber, systemTraceAuditNumber, networkId, settlementDate]
      additionalProperties: false
      properties:
        retrievalReferenceNumber: { type: string }
        systemTraceAuditNumber: { type: integer, minimum: 0, maximum: 999999 }
        networkId: { type: string }
        settlementDate: { type: string, format: date }
    Level2:
      type: object
      description: Commercial card Level II (groups 21, 22 and 25). Amounts in minor units.
      additionalProperties: false
      properties:
        cardType: { enum: [visa, masterCard, americanExpress] }
        isTaxExempt: { type: boolean }
        localSalesTax: { type: integer, minimum: 0, maximum: 9999999, description: "minor units; when not 0, 0.1% to 22% of the settlement amount" }
        purchaseOrderNumber: { type: string }
        amexSupplierNumber: { type: string }
        amexCardholderReference: { type: string }
        amexShippedToZip: { type: string }
        amexSalesTax: { type: integer, minimum: 0, maximum: 999999, description: minor units }
        amexChargeDescriptor: { type: string }
        amexRequesterName: { type: string, maxLength: 38, description: "group 39 (American Express corporate purchasing): who ordered, when not the cardmember" }
        amexTotalTaxAmount: { type: integer, minimum: 0, maximum: 9999999, description: "group 39: all taxes on the purchase, minor units; required with the other group 39 fields" }
        amexTaxTypeCode: { type: string, pattern: "^[0-9]{3}$", description: "group 39: 056 (sales tax, the one code for US merchants) by default" }
        amexChargeDescriptor2: { type: string, maxLength: 40, description: "group 30 (American Express CPC): after amexChargeDescriptor" }
        amexChargeDescriptor3: { type: string, maxLength: 40 }
        amexChargeDescriptor4: { type: string, maxLength: 40 }
    Level3:
      type: object
      description: Commercial card Level III (groups 26 and 27, and line items). Amounts in minor units.
      required: [lineItems]
      additionalProperties: false
      properties:
        cardType: { enum: [visa, masterCard] }
        localTax:
          description: an amount in minor units, or EXEMPT
          anyOf:
            - { type: integer, minimum: 0, maximum: 9999999, description: "when not 0, 0.1% to 22% of the settlement amount" }
            - { type: string, pattern: "^[Ee][Xx][Ee][Mm][Pp][Tt]$" }
        nationalTax: { type: integer, minimum: 0, maximum: 9999999, description: minor units }
        purchaseOrder: { type: string }
        freightAmount: { type: integer, minimum: 0, maximum: 9999999, description: minor units }
        dutyAmount: { type: integer, minimum: 0, maximum: 9999999, description: minor units }
        destinationZip: { type: string }
        shipFromZip: { type: string }
        destinationCountry: { type: string }
        merchantTaxId: { type: string }
        customerTaxId: { type: string }
        commodityCode: { type: string }
        discountAmount: { type: integer, minimum: 0, maximum: 9999999, description: minor units }
        taxInvoiceNumber: { type: string }
        orderDate: { type: string, format: date }
        freightTaxAmount: { type: integer, minimum: 0, maximum: 9999999, description: minor units }
        freightTaxRate: { type: integer, minimum: 0, maximum: 9999, description: hundredths of a percent }
        alternateTaxAmount: { type: integer, minimum: 0, maximum: 999999999, description: minor units (MasterCard) }
        purchaseIdentifier: { type: string, description: the detail's purchase identifier (must agree when both are given) }
        lineItems: { type: array, items: { $ref: "#/components/schemas/LineItem" } }
    LineItem:
      type: object
      required: [description, total]
      additionalProperties: false
      properties:
        commodityCode: { type: string }
        description: { type: string }
        productCode: { type: string }
        quantity:
          description: a whole number, or a decimal string with up to 4 places such as "2.5"
          anyOf:
            - { type: integer, minimum: 1, maximum: 99999999 }
            - { type: string, pattern: "^[0-9]{1,8}(\\.[0-9]{1,4})?$" }
        unitOfMeasure: { type: string }
        units: { type: string, description: the class reference's name for unitOfMeasure (give one) }
        unitCost: { type: integer, minimum: 0, maximum: 9999999, description: minor units }
        taxAmount: { type: integer, minimum: 0, maximum: 9999999, description: minor units }
        taxRate: { type: integer, minimum: 0, maximum: 9999, description: hundredths of a percent }
        discountAmount: { type: integer, minimum: 0, maximum: 9999999, description: minor units }
        total: { type: integer, minimum: 0, maximum: 999999999, description: "minor units; at most 9999999 for Visa" }
        debitCreditIndicator: { type: string }
        alternateTaxId: { type: string }
        taxType: { type: string }
        discountIndicator: { type: string }
        netGrossIndicator: { type: string }
        discountRate: { type: integer, minimum: 0, maximum: 99999, description: MasterCard only }
  examples:
    retail:
      summary: The repository's examples/retail.json
      externalValue: examples/retail.json
"""#
}
