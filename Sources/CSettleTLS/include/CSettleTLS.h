#ifndef TSYS_SETTLE_CSETTLETLS_H
#define TSYS_SETTLE_CSETTLETLS_H
// Small C wrappers for OpenSSL 3 calls that are macros or variadic in the headers, which
// Swift cannot call directly. Each does one thing; errors are reported by return value.
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <stddef.h>

/// Generates an EC P-256 key and a self-signed certificate for `common_name`, valid `days`
/// days, with the given DNS names and IP addresses as subject alternative names. Returns 1 on
/// success and sets `*cert_pem` and `*key_pem` to malloc'ed NUL-terminated PEM text (free them
/// with tsys_free).
int tsys_generate_self_signed(const char *common_name, const char *const *dns_names, int dns_count,
                              const char *const *ip_addresses, int ip_count, int days,
                              char **cert_pem, char **key_pem);

void tsys_free(void *pointer);

/// SSL_CTX_set_min_proto_version / set_max_proto_version (macros).
int tsys_ssl_ctx_set_min_proto(SSL_CTX *ctx, int version);
int tsys_ssl_ctx_set_max_proto(SSL_CTX *ctx, int version);

/// SSL_set_tlsext_host_name (a macro): Server Name Indication.
int tsys_ssl_set_sni(SSL *ssl, const char *host_name);

/// SSL_CTX_set_mode(ctx, SSL_MODE_AUTO_RETRY) (a macro).
void tsys_ssl_ctx_set_auto_retry(SSL_CTX *ctx);

/// For a server on non-blocking sockets: partial writes and a write buffer that may move
/// between retries (modes, macros), no renegotiation and the server's cipher order (options).
void tsys_ssl_ctx_nonblocking_server(SSL_CTX *ctx);

/// SSLKeyLogFile: appends each TLS session secret of connections made from `ctx` to `path`
/// in the NSS key log format (created 0600). The path is kept with the context and freed with
/// it. Returns 1 on success. SSL_CTX_get_ex_new_index is a macro, and the callback must be C.
int tsys_ssl_ctx_set_keylog_file(SSL_CTX *ctx, const char *path);

/// The last OpenSSL error as text into `buffer` (ERR_error_string_n), and clears the queue.
void tsys_last_error(char *buffer, size_t length);

#endif
