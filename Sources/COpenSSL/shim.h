#ifndef TSYS_SETTLE_COPENSSL_SHIM_H
#define TSYS_SETTLE_COPENSSL_SHIM_H
// OpenSSL 3 headers for the TLS socket transport. Macros Swift cannot call get
// small static-inline wrappers here when the transport needs them.
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <openssl/pkcs12.h>
#include <openssl/sha.h>
#include <openssl/crypto.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#endif
