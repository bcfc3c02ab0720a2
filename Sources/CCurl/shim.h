#ifndef TSYS_SETTLE_CCURL_SHIM_H
#define TSYS_SETTLE_CCURL_SHIM_H
// libcurl for the HTTP POST transport (UseHTTPPOST). curl_easy_setopt is
// variadic, so the transport calls it through typed inline wrappers.
#include <curl/curl.h>

static inline CURLcode tsys_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode tsys_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode tsys_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
#endif
