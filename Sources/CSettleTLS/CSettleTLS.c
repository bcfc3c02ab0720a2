#include "CSettleTLS.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

static char *bio_to_string(BIO *bio) {
    char *data = NULL;
    long length = BIO_get_mem_data(bio, &data);
    if (length <= 0) return NULL;
    char *copy = malloc((size_t)length + 1);
    if (copy == NULL) return NULL;
    memcpy(copy, data, (size_t)length);
    copy[length] = '\0';
    return copy;
}

int tsys_generate_self_signed(const char *common_name, const char *const *dns_names, int dns_count,
                              const char *const *ip_addresses, int ip_count, int days,
                              char **cert_pem, char **key_pem) {
    int ok = 0;
    EVP_PKEY *key = EVP_EC_gen("P-256");
    X509 *cert = X509_new();
    BIO *cert_bio = BIO_new(BIO_s_mem());
    BIO *key_bio = BIO_new(BIO_s_mem());
    GENERAL_NAMES *names = sk_GENERAL_NAME_new_null();
    if (key == NULL || cert == NULL || cert_bio == NULL || key_bio == NULL || names == NULL) goto done;

    X509_set_version(cert, 2);
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1) goto done;
    serial[0] &= 0x7f;
    BIGNUM *serial_number = BN_bin2bn(serial, sizeof serial, NULL);
    if (serial_number == NULL || BN_to_ASN1_INTEGER(serial_number, X509_get_serialNumber(cert)) == NULL) {
        BN_free(serial_number);
        goto done;
    }
    BN_free(serial_number);
    X509_gmtime_adj(X509_getm_notBefore(cert), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert), (long)days * 24 * 60 * 60);
    if (X509_set_pubkey(cert, key) != 1) goto done;

    X509_NAME *name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, (const unsigned char *)"tsys-settle simulator", -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, (const unsigned char *)common_name, -1, -1, 0);
    X509_set_issuer_name(cert, name);

    for (int i = 0; i < dns_count; i++) {
        GENERAL_NAME *entry = GENERAL_NAME_new();
        ASN1_IA5STRING *text = ASN1_IA5STRING_new();
        if (entry == NULL || text == NULL || ASN1_STRING_set(text, dns_names[i], -1) != 1) {
            GENERAL_NAME_free(entry);
            ASN1_IA5STRING_free(text);
            goto done;
        }
        GENERAL_NAME_set0_value(entry, GEN_DNS, text);
        sk_GENERAL_NAME_push(names, entry);
    }
    for (int i = 0; i < ip_count; i++) {
        ASN1_OCTET_STRING *address = a2i_IPADDRESS(ip_addresses[i]);
        GENERAL_NAME *entry = GENERAL_NAME_new();
        if (address == NULL || entry == NULL) {
            ASN1_OCTET_STRING_free(address);
            GENERAL_NAME_free(entry);
            goto done;
        }
        GENERAL_NAME_set0_value(entry, GEN_IPADD, address);
        sk_GENERAL_NAME_push(names, entry);
    }
    if (X509_add1_ext_i2d(cert, NID_subject_alt_name, names, 0, X509V3_ADD_DEFAULT) != 1) goto done;

    BASIC_CONSTRAINTS *constraints = BASIC_CONSTRAINTS_new();
    if (constraints == NULL) goto done;
    constraints->ca = 1;  // self-signed: the certificate is its own trust anchor
    int added = X509_add1_ext_i2d(cert, NID_basic_constraints, constraints, 1, X509V3_ADD_DEFAULT);
    BASIC_CONSTRAINTS_free(constraints);
    if (added != 1) goto done;

    if (X509_sign(cert, key, EVP_sha256()) == 0) goto done;
    if (PEM_write_bio_X509(cert_bio, cert) != 1) goto done;
    if (PEM_write_bio_PrivateKey(key_bio, key, NULL, NULL, 0, NULL, NULL) != 1) goto done;
    *cert_pem = bio_to_string(cert_bio);
    *key_pem = bio_to_string(key_bio);
    ok = *cert_pem != NULL && *key_pem != NULL;

done:
    sk_GENERAL_NAME_pop_free(names, GENERAL_NAME_free);
    BIO_free(cert_bio);
    BIO_free(key_bio);
    X509_free(cert);
    EVP_PKEY_free(key);
    return ok;
}

void tsys_free(void *pointer) { free(pointer); }

int tsys_ssl_ctx_set_min_proto(SSL_CTX *ctx, int version) { return (int)SSL_CTX_set_min_proto_version(ctx, version); }
int tsys_ssl_ctx_set_max_proto(SSL_CTX *ctx, int version) { return (int)SSL_CTX_set_max_proto_version(ctx, version); }
int tsys_ssl_set_sni(SSL *ssl, const char *host_name) { return (int)SSL_set_tlsext_host_name(ssl, host_name); }
void tsys_ssl_ctx_set_auto_retry(SSL_CTX *ctx) { SSL_CTX_set_mode(ctx, SSL_MODE_AUTO_RETRY); }

void tsys_ssl_ctx_nonblocking_server(SSL_CTX *ctx) {
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    SSL_CTX_clear_mode(ctx, SSL_MODE_AUTO_RETRY);
    SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
}

void tsys_last_error(char *buffer, size_t length) {
    unsigned long code = ERR_get_error();
    if (code == 0) {
        if (length > 0) buffer[0] = '\0';
    } else {
        ERR_error_string_n(code, buffer, length);
    }
    ERR_clear_error();
}

// The key log path lives in the context's ex_data; the index is allocated once.
static int keylog_index = -1;
static pthread_once_t keylog_once = PTHREAD_ONCE_INIT;

static void keylog_free(void *parent, void *pointer, CRYPTO_EX_DATA *data, int index, long argl, void *argp) {
    (void)parent; (void)data; (void)index; (void)argl; (void)argp;
    free(pointer);
}

static void keylog_allocate_index(void) {
    keylog_index = SSL_CTX_get_ex_new_index(0, NULL, NULL, NULL, keylog_free);
}

static void keylog_write(const SSL *ssl, const char *line) {
    const char *path = SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), keylog_index);
    if (path == NULL) return;
    // Opened per line, appending: the file is a debugging aid, and O_APPEND keeps lines whole
    // when several connections write at once.
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return;
    size_t length = strlen(line);
    char *buffer = malloc(length + 1);
    if (buffer != NULL) {
        memcpy(buffer, line, length);
        buffer[length] = '\n';
        ssize_t written = write(fd, buffer, length + 1);
        (void)written;
        free(buffer);
    }
    close(fd);
}

int tsys_ssl_ctx_set_keylog_file(SSL_CTX *ctx, const char *path) {
    pthread_once(&keylog_once, keylog_allocate_index);
    if (keylog_index < 0 || path == NULL) return 0;
    char *copy = strdup(path);
    if (copy == NULL) return 0;
    if (SSL_CTX_set_ex_data(ctx, keylog_index, copy) != 1) { free(copy); return 0; }
    SSL_CTX_set_keylog_callback(ctx, keylog_write);
    return 1;
}
