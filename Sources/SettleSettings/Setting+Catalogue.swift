/// Every setting, each declared once. Names are the ones each setting has always had (a
/// deployment's environment keeps working); README's configuration table is held to this list.
extension Setting {
    // MARK: The configuration file

    package static let config = Setting(
        key: "config", flag: "config", environment: "TSYS_SETTLE_CONFIG", kind: .text, defaultValue: nil,
        help: "A file of TSYS_SETTLE_NAME=value lines (LF or CRLF, # comments); flags and the environment take precedence over it.")

    // MARK: Batches (validate, encode, send, serve)

    package static let developerId = Setting(
        key: "developerId", flag: "developer-id", environment: "TSYS_SETTLE_DEVELOPER_ID", kind: .text, defaultValue: nil,
        help: "Developer ID for header group 5, assigned at TSYS certification.")
    package static let applicationId = Setting(
        key: "applicationId", flag: "application-id", environment: "TSYS_SETTLE_APPLICATION_ID", kind: .text, defaultValue: nil,
        help: "Application ID for header group 5, assigned at TSYS certification.")
    package static let gatewayId = Setting(
        key: "gatewayId", flag: "gateway-id", environment: "TSYS_SETTLE_GATEWAY_ID", kind: .text, defaultValue: nil,
        help: "Gateway ID for header group 6, assigned by TSYS to a gateway settling for merchants.")
    package static let deviceCode = Setting(
        key: "deviceCode", flag: "device-code", environment: "TSYS_SETTLE_DEVICE_CODE", kind: .text, defaultValue: "Q",
        help: "DeviceCode when the document sets none.")
    package static let combineRecords = Setting(
        key: "combineRecords", flag: "combine-records", environment: "TSYS_SETTLE_COMBINE_RECORDS", kind: .boolean, defaultValue: "true",
        help: "CombineRecords when the document sets none.")
    package static let locationNumber = Setting(
        key: "locationNumber", flag: "location-number", environment: "TSYS_SETTLE_LOCATION_NUMBER", kind: .text, defaultValue: "00001",
        help: "LocationNumber when the merchant sets none.")
    package static let amexAggregatorName = Setting(
        key: "amexAggregatorName", flag: "amex-aggregator-name", environment: "TSYS_SETTLE_AMEX_AGGREGATOR_NAME", kind: .text,
        defaultValue: nil, help: "AmexAggregatorName (header group 3).")
    package static let genKey = Setting(
        key: "genKey", flag: "gen-key", environment: "TSYS_SETTLE_GENKEY", kind: .text, defaultValue: nil, help: "GenKey (header group 4).")
    package static let mastercardDescriptionLength = Setting(
        key: "mastercardDescriptionLength", flag: "mastercard-description-length", environment: "TSYS_SETTLE_MC_DESCRIPTION_LENGTH",
        kind: .number(35...36), defaultValue: "35", help: "MasterCard line-item description length, 35 or 36 (an uncertain spec fact).")
    package static let requireModernGroups = Setting(
        key: "requireModernGroups", flag: "require-modern-groups", environment: "TSYS_SETTLE_REQUIRE_MODERN_GROUPS", kind: .boolean,
        defaultValue: "true", help: "Require header group 5 and detail group 32.")
    package static let billPaymentCode = Setting(
        key: "billPaymentCode", flag: "bill-payment-code", environment: "TSYS_SETTLE_BILL_PAYMENT_CODE", kind: .boolean,
        defaultValue: "true",
        help: "Send bill payments (market data B) as transaction code 5B (9B debit); off sends 54/56 (93) (an uncertain spec fact).")
    package static let today = Setting(
        key: "today", flag: "today", environment: nil, kind: .date, defaultValue: nil,
        help: "Batch transmission date when the document sets none, YYYY-MM-DD (default: the machine's date).")

    // MARK: The processor link (send, serve)

    package static let processor = Setting(
        key: "processor", flag: "processor", environment: "TSYS_SETTLE_PROCESSOR",
        kind: .choice(["simulator", "tsys-test", "tsys-live", "heartland-test", "heartland-live", "custom"]), defaultValue: "simulator",
        help: "Processor (the built-in simulator unless configured).")
    package static let host = Setting(
        key: "host", flag: "host", environment: "TSYS_SETTLE_HOST", kind: .text, defaultValue: nil, help: "Host for --processor custom.")
    package static let port = Setting(
        key: "port", flag: "port", environment: "TSYS_SETTLE_PORT", kind: .number(1...65535), defaultValue: nil,
        help: "Port for --processor custom.")
    package static let caFile = Setting(
        key: "caFile", flag: "ca-file", environment: "TSYS_SETTLE_CA_FILE", kind: .text, defaultValue: nil,
        help: "PEM file of certificates to trust for the host (OpenSSLCAFile; default the system's).")
    package static let connectionTimeout = Setting(
        key: "connectionTimeout", flag: "connection-timeout", environment: "TSYS_SETTLE_CONNECTION_TIMEOUT", kind: .number(1...3600),
        defaultValue: "30", help: "Seconds to wait for the connection (ConnectionTimeout).")
    package static let useIPv6 = Setting(
        key: "useIPv6", flag: "use-ipv6", environment: "TSYS_SETTLE_USE_IPV6", kind: .boolean, defaultValue: "false",
        help: "Prefer IPv6 addresses when the host has both (UseIPv6).")
    package static let plainTCP = Setting(
        key: "plainTCP", flag: "plain", environment: "TSYS_SETTLE_PLAIN_TCP", kind: .boolean, defaultValue: "false",
        help: "Plain TCP instead of TLS (a private line, or `simulate --plain`).")
    package static let tcpKeepAlive = Setting(
        key: "tcpKeepAlive", flag: "tcp-keep-alive", environment: "TSYS_SETTLE_TCP_KEEPALIVE", kind: .boolean, defaultValue: "false",
        help: "Send TCP keep-alive probes on an idle link (TCPKeepAlive).")
    package static let localPort = Setting(
        key: "localPort", flag: "local-port", environment: "TSYS_SETTLE_LOCAL_PORT", kind: .number(0...65535), defaultValue: nil,
        help: "Bind the local end to this port before connecting (LocalPort; firewalls that allow one source port).")
    package static let proxy = Setting(
        key: "proxy", flag: "proxy", environment: "TSYS_SETTLE_PROXY", kind: .url, defaultValue: nil,
        help:
            "Proxy to the processor: http://, socks4://, socks4a:// or socks5://[user@]host[:port] (FirewallType); its password only from TSYS_SETTLE_PROXY_PASSWORD."
    )
    package static let proxyPassword = Setting(
        key: "proxyPassword", flag: nil, environment: "TSYS_SETTLE_PROXY_PASSWORD", kind: .text, defaultValue: nil,
        help: "The proxy's password (FirewallPassword).", isSecret: true)
    package static let proxyExceptions = Setting(
        key: "proxyExceptions", flag: "proxy-exceptions", environment: "TSYS_SETTLE_PROXY_EXCEPTIONS", kind: .list, defaultValue: nil,
        help: "Comma-separated hosts reached without the proxy (ProxyExceptionsList).")
    package static let logLevel = Setting(
        key: "logLevel", flag: "log-level", environment: "TSYS_SETTLE_LOG_LEVEL",
        kind: .choice(["trace", "debug", "info", "notice", "warning", "error", "critical"]), defaultValue: "warning",
        help: "Log level on standard error (trace shows masked packets).")
    package static let logFormat = Setting(
        key: "logFormat", flag: "log-format", environment: "TSYS_SETTLE_LOG_FORMAT", kind: .choice(["text", "json"]), defaultValue: "text",
        help: "Log lines on standard error as text, or as JSON objects (one per line, metadata as fields, card numbers masked).")
    package static let sslKeyLogFile = Setting(
        key: "sslKeyLogFile", flag: "ssl-key-log-file", environment: "TSYS_SETTLE_SSL_KEYLOG_FILE", kind: .text, defaultValue: nil,
        help: "Append TLS session secrets to this file for Wireshark (SSLKeyLogFile; refused for live processors).")
    package static let clientCertificate = Setting(
        key: "clientCertificate", flag: "client-certificate", environment: "TSYS_SETTLE_CLIENT_CERT", kind: .text, defaultValue: nil,
        help: "Client certificate for mutual TLS: a PEM file (certificate and key) or a PFX/PKCS#12 file (SSLCert).")
    package static let clientCertificatePassword = Setting(
        key: "clientCertificatePassword", flag: nil, environment: "TSYS_SETTLE_CLIENT_CERT_PASSWORD", kind: .text, defaultValue: nil,
        help: "The PFX/PKCS#12 file's password (ssl_cert_store_password).", isSecret: true)
    package static let useHTTPPost = Setting(
        key: "useHTTPPost", flag: "http", environment: "TSYS_SETTLE_USE_HTTP_POST", kind: .boolean, defaultValue: "false",
        help: "Post the whole batch to the HTTPS gateway (UseHTTPPOST) instead of the socket service.")

    // MARK: Link tuning (send, serve)

    package static let caDirectory = Setting(
        key: "caDirectory", flag: "ca-directory", environment: "TSYS_SETTLE_CA_DIRECTORY", kind: .text, defaultValue: nil,
        help: "OpenSSLCADir: a directory of hashed CA certificates.")
    package static let acceptServerCertificate = Setting(
        key: "acceptServerCertificate", flag: "accept-server-certificate", environment: "TSYS_SETTLE_ACCEPT_SERVER_CERT", kind: .text,
        defaultValue: nil, help: "SSLAcceptServerCertEncoded: trust exactly the certificate in this PEM file, and nothing else.")
    package static let insecureSkipVerify = Setting(
        key: "insecureSkipVerify", flag: "insecure-skip-verify", environment: "TSYS_SETTLE_INSECURE_SKIP_VERIFY", kind: .boolean,
        defaultValue: "false", help: "Do not verify the host's certificate (announced as a warning on every connection).")
    package static let tlsMinimumVersion = Setting(
        key: "tlsMinimumVersion", flag: "tls-minimum-version", environment: "TSYS_SETTLE_TLS_MINIMUM_VERSION",
        kind: .choice(["TLSv1.2", "TLSv1.3"]), defaultValue: "TLSv1.2", help: "SSLEnabledProtocols, as the lowest version.")
    package static let cipherList = Setting(
        key: "cipherList", flag: "cipher-list", environment: "TSYS_SETTLE_CIPHER_LIST", kind: .text, defaultValue: nil,
        help: "OpenSSLCipherList for TLS 1.2 (default OpenSSL's).")
    package static let serverName = Setting(
        key: "serverName", flag: "server-name", environment: "TSYS_SETTLE_SERVER_NAME", kind: .text, defaultValue: nil,
        help: "Name for SNI and certificate checking, when it differs from the host.")
    package static let clientKey = Setting(
        key: "clientKey", flag: "client-key", environment: "TSYS_SETTLE_CLIENT_KEY", kind: .text, defaultValue: nil,
        help: "Client private key (PEM file) when --client-certificate holds only the certificate.")
    // Linux refuses TCP_KEEPIDLE and TCP_KEEPINTVL above 32767 seconds.
    package static let keepAliveTime = Setting(
        key: "keepAliveTime", flag: "keep-alive-time", environment: "TSYS_SETTLE_KEEPALIVE_TIME", kind: .number(1...32767),
        defaultValue: "7200", help: "TCPKeepAlive idle seconds before the first probe (KeepAliveTime).")
    package static let keepAliveInterval = Setting(
        key: "keepAliveInterval", flag: "keep-alive-interval", environment: "TSYS_SETTLE_KEEPALIVE_INTERVAL", kind: .number(1...32767),
        defaultValue: "75", help: "Seconds between keep-alive probes (KeepAliveInterval).")
    package static let lingerTime = Setting(
        key: "lingerTime", flag: "linger-time", environment: "TSYS_SETTLE_LINGER_TIME", kind: .number(0...3600), defaultValue: nil,
        help: "Linger/LingerTime: seconds to linger on close (0 resets; default the system's close).")
    package static let localHost = Setting(
        key: "localHost", flag: "local-host", environment: "TSYS_SETTLE_LOCAL_HOST", kind: .text, defaultValue: nil,
        help: "LocalHost: the local address to bind before connecting.")
    package static let tcpDelay = Setting(
        key: "tcpDelay", flag: "tcp-delay", environment: "TSYS_SETTLE_TCP_DELAY", kind: .boolean, defaultValue: "false",
        help: "TcpNoDelay off: let Nagle delay small writes.")
    package static let enquiryTimeout = Setting(
        key: "enquiryTimeout", flag: "enquiry-timeout", environment: "TSYS_SETTLE_ENQUIRY_TIMEOUT", kind: .number(1...3600),
        defaultValue: "15", help: "Seconds to wait for ENQ after connecting.")
    package static let acknowledgementTimeout = Setting(
        key: "acknowledgementTimeout", flag: "acknowledgement-timeout", environment: "TSYS_SETTLE_ACK_TIMEOUT", kind: .number(1...3600),
        defaultValue: "30", help: "Seconds to wait for each block's ACK.")
    package static let responseTimeout = Setting(
        key: "responseTimeout", flag: "response-timeout", environment: "TSYS_SETTLE_RESPONSE_TIMEOUT", kind: .number(1...3600),
        defaultValue: "30", help: "timeout: seconds to wait for the response, restarted by each DC2.")
    package static let processingLimit = Setting(
        key: "processingLimit", flag: "processing-limit", environment: "TSYS_SETTLE_PROCESSING_LIMIT", kind: .number(1...86_400),
        defaultValue: "120", help: "Longest the host may keep processing with DC2s, in seconds.")
    package static let maximumRetransmissions = Setting(
        key: "maximumRetransmissions", flag: "maximum-retransmissions", environment: "TSYS_SETTLE_MAX_RETRANSMISSIONS",
        kind: .number(0...10), defaultValue: "3", help: "Resends of a NAKed block.")

    // MARK: The API server (serve)

    package static let listenHost = Setting(
        key: "listenHost", flag: "listen-host", environment: "TSYS_SETTLE_LISTEN_HOST", kind: .text, defaultValue: "127.0.0.1",
        help: "Address to listen on.")
    package static let listenPort = Setting(
        key: "listenPort", flag: "listen-port", environment: "TSYS_SETTLE_LISTEN_PORT", kind: .number(0...65535), defaultValue: "8080",
        help: "Port to listen on (0 picks a free one).")
    package static let apiKeyHashes = Setting(
        key: "apiKeyHashes", flag: "api-key-hash", environment: "TSYS_SETTLE_API_KEY_HASHES", kind: .list, defaultValue: nil,
        help:
            "SHA-256 (hex) of an API key callers send as 'Authorization: Bearer KEY'; repeat for several (printf %s \"$KEY\" | sha256sum). HASH@shop-1+shop-2 scopes the key to those merchant profiles."
    )
    package static let allowTrace = Setting(
        key: "allowTrace", flag: "allow-trace", environment: "TSYS_SETTLE_ALLOW_TRACE", kind: .boolean, defaultValue: "false",
        help: "Let POST /v1/settlements?trace=true return the settlement's packets (card numbers masked).")
    package static let insecureBind = Setting(
        key: "insecureBind", flag: "insecure-bind", environment: "TSYS_SETTLE_INSECURE_BIND", kind: .boolean, defaultValue: "false",
        help: "Listen beyond loopback although no API keys protect the API.")
    package static let apiTLSCertificate = Setting(
        key: "apiTLSCertificate", flag: "api-tls-certificate", environment: "TSYS_SETTLE_API_TLS_CERTIFICATE", kind: .text,
        defaultValue: nil, help: "Serve HTTPS with this PEM certificate chain (leaf first).")
    package static let apiTLSKey = Setting(
        key: "apiTLSKey", flag: "api-tls-key", environment: "TSYS_SETTLE_API_TLS_KEY", kind: .text, defaultValue: nil,
        help: "The PEM private key for --api-tls-certificate.")
    package static let apiTLSMinimumVersion = Setting(
        key: "apiTLSMinimumVersion", flag: "api-tls-minimum-version", environment: "TSYS_SETTLE_API_TLS_MINIMUM_VERSION",
        kind: .choice(["TLSv1.2", "TLSv1.3"]), defaultValue: "TLSv1.2", help: "Lowest TLS version API clients may use.")
    package static let maxConnections = Setting(
        key: "maxConnections", flag: "max-connections", environment: "TSYS_SETTLE_MAX_CONNECTIONS", kind: .number(1...100_000),
        defaultValue: "512", help: "Open connections beyond this get 503.")
    package static let maxBodyBytes = Setting(
        key: "maxBodyBytes", flag: "max-body-bytes", environment: "TSYS_SETTLE_MAX_BODY_BYTES", kind: .number(1024...(1 << 30)),
        defaultValue: "67108864", help: "Largest request body in bytes (413 beyond).")
    package static let headerTimeout = Setting(
        key: "headerTimeout", flag: "header-timeout", environment: "TSYS_SETTLE_HEADER_TIMEOUT", kind: .number(1...3600),
        defaultValue: "10", help: "Seconds a client may take to send a request's head (408 after).")
    package static let idleTimeout = Setting(
        key: "idleTimeout", flag: "idle-timeout", environment: "TSYS_SETTLE_IDLE_TIMEOUT", kind: .number(1...86_400),
        defaultValue: "60", help: "Seconds a kept-alive connection may sit idle.")
    package static let bodyTimeout = Setting(
        key: "bodyTimeout", flag: "body-timeout", environment: "TSYS_SETTLE_BODY_TIMEOUT", kind: .number(1...3600),
        defaultValue: "60", help: "Seconds a client may take to send a body (408 after).")
    package static let writeTimeout = Setting(
        key: "writeTimeout", flag: "write-timeout", environment: "TSYS_SETTLE_WRITE_TIMEOUT", kind: .number(1...3600),
        defaultValue: "30", help: "Seconds a response may take to leave.")
    package static let drainTimeout = Setting(
        key: "drainTimeout", flag: "drain-timeout", environment: "TSYS_SETTLE_DRAIN_TIMEOUT", kind: .number(0...3600),
        defaultValue: "30", help: "Seconds settlements in progress may take to finish at shutdown.")

    // MARK: The settlement ledger (serve, settlements)

    package static let dataDirectory = Setting(
        key: "dataDirectory", flag: "data-dir", environment: "TSYS_SETTLE_DATA_DIR", kind: .text, defaultValue: "tsys-settle-data",
        help: "Directory of the settlement ledger (ledger.sqlite), created if missing.")
    package static let ledgerUrl = Setting(
        key: "ledgerUrl", flag: "ledger-url", environment: "TSYS_SETTLE_LEDGER_URL", kind: .text, defaultValue: nil,
        help:
            "A PostgreSQL ledger replicas share (postgresql://user@host/db); the password from PGPASSWORD or ~/.pgpass, never printed. Unset: SQLite in --data-dir."
    )
    package static let idempotencyKeyHours = Setting(
        key: "idempotencyKeyHours", flag: "idempotency-key-hours", environment: "TSYS_SETTLE_IDEMPOTENCY_KEY_HOURS",
        kind: .number(24...(24 * 365)), defaultValue: "120",
        help: "Hours an Idempotency-Key is remembered (default five days, as long as the batch-number guard).")
    package static let ledgerSyncEveryChange = Setting(
        key: "ledgerSyncEveryChange", flag: "ledger-sync-every-change", environment: "TSYS_SETTLE_LEDGER_SYNC_EVERY_CHANGE",
        kind: .boolean, defaultValue: "false", help: "Sync every settlement's ending to disk too, not only its start (about 20% fewer settlements/s)."
    )
    package static let ledgerConnections = Setting(
        key: "ledgerConnections", flag: "ledger-connections", environment: "TSYS_SETTLE_LEDGER_CONNECTIONS", kind: .number(1...64),
        defaultValue: "8", help: "Most connections to a PostgreSQL ledger per process (settlements beyond wait for one).")
    package static let ledgerLeaseSeconds = Setting(
        key: "ledgerLeaseSeconds", flag: "ledger-lease-seconds", environment: "TSYS_SETTLE_LEDGER_LEASE_SECONDS", kind: .number(3...600),
        defaultValue: "30",
        help:
            "Seconds a replica's lease on a PostgreSQL ledger lasts unless renewed (every third of it); another replica takes its unfinished settlements as interrupted only after it lapses."
    )
    package static let ledgerKey = Setting(
        key: "ledgerKey", flag: nil, environment: "TSYS_SETTLE_LEDGER_KEY", kind: .text, defaultValue: nil,
        help:
            "Key of the ledger's request fingerprints (HMAC-SHA-256; 64+ hex digits, shared by replicas; default fingerprint.key in the data directory).",
        isSecret: true)

    // MARK: Webhooks (serve)

    package static let webhookUrl = Setting(
        key: "webhookUrl", flag: "webhook-url", environment: "TSYS_SETTLE_WEBHOOK_URL", kind: .text, defaultValue: nil,
        help: "Deliver settlement events (Standard Webhooks, signed) to this https URL (http only to loopback).")
    package static let webhookSecret = Setting(
        key: "webhookSecret", flag: nil, environment: "TSYS_SETTLE_WEBHOOK_SECRET", kind: .text, defaultValue: nil,
        help: "The webhook's signing secret, whsec_ and base64 (tsys-settle webhooks secret makes one); two, space-separated, while rotating.",
        isSecret: true)
    package static let webhookEvents = Setting(
        key: "webhookEvents", flag: "webhook-events", environment: "TSYS_SETTLE_WEBHOOK_EVENTS", kind: .list, defaultValue: nil,
        help: "Only these event types to the webhook, comma-separated (settlement.accepted, ...; default all).")
    /// Endpoints 2 to 4: the configuration file or the environment only.
    package static let extraWebhooks: [[Setting]] = (2...4).map { number in
        [
            Setting(
                key: "webhookUrl\(number)", flag: nil, environment: "TSYS_SETTLE_WEBHOOK_URL_\(number)", kind: .text, defaultValue: nil,
                help: "Webhook endpoint \(number)'s URL."),
            Setting(
                key: "webhookSecret\(number)", flag: nil, environment: "TSYS_SETTLE_WEBHOOK_SECRET_\(number)", kind: .text, defaultValue: nil,
                help: "Webhook endpoint \(number)'s signing secret(s).", isSecret: true),
            Setting(
                key: "webhookEvents\(number)", flag: nil, environment: "TSYS_SETTLE_WEBHOOK_EVENTS_\(number)", kind: .list, defaultValue: nil,
                help: "Webhook endpoint \(number)'s event types (default all)."),
        ]
    }
    package static let webhookAllowPrivateNetworks = Setting(
        key: "webhookAllowPrivateNetworks", flag: "webhook-allow-private-networks", environment: "TSYS_SETTLE_WEBHOOK_ALLOW_PRIVATE_NETWORKS",
        kind: .boolean, defaultValue: "false",
        help: "Let webhooks go to private addresses (10/8, 172.16/12, 192.168/16, fc00::/7); link-local and reserved ranges stay refused.")
    package static let webhookTimeout = Setting(
        key: "webhookTimeout", flag: "webhook-timeout", environment: "TSYS_SETTLE_WEBHOOK_TIMEOUT", kind: .number(1...120), defaultValue: "15",
        help: "Seconds a webhook endpoint has to answer a delivery.")
    package static let webhookRetryHours = Setting(
        key: "webhookRetryHours", flag: "webhook-retry-hours", environment: "TSYS_SETTLE_WEBHOOK_RETRY_HOURS", kind: .number(1...720),
        defaultValue: "72", help: "Hours a failing delivery is retried (with backoff) before it is given up.")
    package static let webhookCAFile = Setting(
        key: "webhookCAFile", flag: "webhook-ca-file", environment: "TSYS_SETTLE_WEBHOOK_CA_FILE", kind: .text, defaultValue: nil,
        help: "PEM file of certificates to trust for webhook endpoints (default the system's).")

    // MARK: Open batches and card data (serve)

    package static let cardDataKey = Setting(
        key: "cardDataKey", flag: nil, environment: "TSYS_SETTLE_CARD_DATA_KEY", kind: .text, defaultValue: nil,
        help:
            "Key(s) sealing captured card numbers (AES-256-GCM; 64 hex digits each, the current first, older ones after it while rotating; default card-data.key in the data directory).",
        isSecret: true)
    package static let cardDataKeyFile = Setting(
        key: "cardDataKeyFile", flag: "card-data-key-file", environment: "TSYS_SETTLE_CARD_DATA_KEY_FILE", kind: .text, defaultValue: nil,
        help: "File of card data keys (mode 0600; one per line, the current first), in place of TSYS_SETTLE_CARD_DATA_KEY.")
    package static let cardDataRetentionDays = Setting(
        key: "cardDataRetentionDays", flag: "card-data-retention-days", environment: "TSYS_SETTLE_CARD_DATA_RETENTION_DAYS",
        kind: .number(1...365), defaultValue: "14",
        help: "Days a captured card number is kept when its batch is not accepted (voided and accepted ones are erased at once).")
    package static let closeBatchSize = Setting(
        key: "closeBatchSize", flag: "close-batch-size", environment: "TSYS_SETTLE_CLOSE_BATCH_SIZE", kind: .number(1...1000),
        defaultValue: "100", help: "Most detail records in one batch of a close; more captures are settled as several batches.")
    package static let dropRejectedCaptures = Setting(
        key: "dropRejectedCaptures", flag: "drop-rejected-captures", environment: "TSYS_SETTLE_DROP_REJECTED_CAPTURES", kind: .boolean,
        defaultValue: "false",
        help:
            "When the host rejects a close's batch (RB), drop the capture it names and send the rest again under the same batch number (off: hold the batch for an operator)."
    )

    // MARK: Command arguments (no environment variable: they belong to one run)

    package static let listLimit = Setting(
        key: "limit", flag: "limit", environment: nil, kind: .number(1...500), defaultValue: "50", help: "At most this many.")
    package static let simulatorPort = Setting(
        key: "simulatorPort", flag: "port", environment: nil, kind: .number(0...65535), defaultValue: "5004",
        help: "Port to listen on (0 picks a free one).")
    package static let simulatorNAKs = Setting(
        key: "nak", flag: "nak", environment: nil, kind: .number(0...1000), defaultValue: "0", help: "NAK the first N block transmissions.")
    package static let simulatorDisconnectAfter = Setting(
        key: "disconnectAfter", flag: "disconnect-after", environment: nil, kind: .number(0...1_000_000), defaultValue: nil,
        help: "Disconnect after receiving N blocks.")
    package static let simulatorProcessingDelay = Setting(
        key: "processingDelay", flag: "processing-delay", environment: nil, kind: .number(0...3600), defaultValue: "0",
        help: "Seconds of DC2 'processing' before responding.")
    package static let simulatorCorruptResponses = Setting(
        key: "corruptResponses", flag: "corrupt-responses", environment: nil, kind: .number(0...1000), defaultValue: "0",
        help: "Corrupt the LRC of the first N responses.")
    package static let simulatorEarlyRejectionAt = Setting(
        key: "earlyRejectionAt", flag: "early-rejection-at", environment: nil, kind: .number(1...1_000_000), defaultValue: nil,
        help: "Answer block N with an RB instead of an acknowledgement.")
    package static let simulatorDuplicateCode = Setting(
        key: "duplicateCode", flag: "duplicate-code", environment: nil, kind: .choice(["QD", "DB"]), defaultValue: "QD",
        help: "Duplicate-batch code.")
    package static let extensionLengthCountsItself = Setting(
        key: "extensionLengthCountsItself", flag: "extension-length-counts-itself", environment: "TSYS_SETTLE_EXTENSION_LENGTH_COUNTS_ITSELF",
        kind: .boolean, defaultValue: "true",
        help: "Detail group 41's length counts its own 4 digits (an uncertain spec fact); false counts the tagged values only.")
    package static let emvDeviceCode = Setting(
        key: "emvDeviceCode", flag: "emv-device-code", environment: "TSYS_SETTLE_EMV_DEVICE_CODE", kind: .boolean, defaultValue: "true",
        help: "Batches with chip data use device code X, as the class reference requires (EIS 1081 v14.2 calls X Aggregator).")
    package static let canadianTaxRecordType = Setting(
        key: "canadianTaxRecordType", flag: "canadian-tax-record-type", environment: "TSYS_SETTLE_CANADIAN_TAX_RECORD_TYPE",
        kind: .choice(["X", "L"]), defaultValue: "X",
        help: "Record type of Canadian tax line items, X (Table 4.49) or L (Table 3.12): an uncertain spec fact.")
    package static let simulatorErrorDataLength = Setting(
        key: "errorDataLength", flag: "error-data-length", environment: nil, kind: .choice(["32", "17"]), defaultValue: "32",
        help: "RB error data length.")
}

extension Setting {
    /// What builds a batch: `validate`, `encode`, and with the link `send` and `serve`.
    package static let batch: [Setting] = [
        developerId, applicationId, gatewayId, deviceCode, combineRecords, locationNumber, amexAggregatorName, genKey,
        mastercardDescriptionLength, requireModernGroups, billPaymentCode, extensionLengthCountsItself, emvDeviceCode, canadianTaxRecordType, today,
    ]

    /// What reaches the processor: `send` and `serve`.
    package static let link: [Setting] = [
        processor, host, port, caFile, connectionTimeout, useIPv6, plainTCP, tcpKeepAlive, localPort, proxy, proxyPassword, proxyExceptions,
        logLevel, logFormat, sslKeyLogFile, clientCertificate, clientCertificatePassword, useHTTPPost, caDirectory, acceptServerCertificate,
        insecureSkipVerify, tlsMinimumVersion, cipherList, serverName, clientKey, keepAliveTime, keepAliveInterval, lingerTime, localHost,
        tcpDelay, enquiryTimeout, acknowledgementTimeout, responseTimeout, processingLimit, maximumRetransmissions,
    ]

    /// The settlement ledger: `serve` and `settlements`.
    package static let ledger: [Setting] = [
        dataDirectory, ledgerUrl, ledgerConnections, ledgerLeaseSeconds, idempotencyKeyHours, ledgerSyncEveryChange, ledgerKey,
    ]

    /// The API server.
    package static let server: [Setting] = [
        listenHost, listenPort, apiKeyHashes, allowTrace, insecureBind, apiTLSCertificate, apiTLSKey, apiTLSMinimumVersion, maxConnections,
        maxBodyBytes, headerTimeout, idleTimeout, bodyTimeout, writeTimeout, drainTimeout,
    ]

    /// Webhook endpoints and their delivery.
    package static let webhooks: [Setting] =
        [webhookUrl, webhookSecret, webhookEvents, webhookAllowPrivateNetworks, webhookTimeout, webhookRetryHours, webhookCAFile]
        + extraWebhooks.flatMap { $0 }

    /// Merchants' open batches: card data keys, closes.
    package static let openBatches: [Setting] = [cardDataKey, cardDataKeyFile, cardDataRetentionDays, closeBatchSize, dropRejectedCaptures]

    /// The simulator's fault script.
    package static let simulator: [Setting] = [
        simulatorPort, simulatorNAKs, simulatorDisconnectAfter, simulatorProcessingDelay, simulatorCorruptResponses,
        simulatorEarlyRejectionAt, simulatorDuplicateCode, simulatorErrorDataLength, mastercardDescriptionLength,
        extensionLengthCountsItself,
    ]

    /// The settings each command reads, by its name (`config` prints them).
    package static let byCommand: [String: [Setting]] = [
        "validate": [config] + batch, "encode": [config] + batch, "send": [config] + batch + link,
        "serve": [config] + server + batch + link + ledger + webhooks + openBatches, "simulate": simulator, "settlements": [config] + ledger,
        "settlements list": [config] + ledger + [listLimit], "keys": [config] + ledger + openBatches,
    ]

    /// Every setting once.
    /// Each setting once (the simulator shares the uncertain layouts with the batch commands).
    package static let all: [Setting] = ([config] + batch + link + server + ledger + webhooks + openBatches + [listLimit] + simulator).reduce(into: []
    ) {
        all, setting in
        if !all.contains(where: { $0.key == setting.key }) { all.append(setting) }
    }
}
