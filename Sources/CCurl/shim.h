#ifndef TSYS_SETTLE_CCURL_SHIM_H
#define TSYS_SETTLE_CCURL_SHIM_H
// libcurl for the HTTP POST transport (UseHTTPPOST). curl_easy_setopt and curl_easy_getinfo
// are variadic, so the transport calls them through typed inline wrappers.
#include <curl/curl.h>

typedef size_t (*tsys_curl_write_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode tsys_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode tsys_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode tsys_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode tsys_curl_setopt_write_function(CURL *handle, tsys_curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}
typedef int (*tsys_curl_progress_callback)(void *context, curl_off_t download_total, curl_off_t downloaded,
                                           curl_off_t upload_total, curl_off_t uploaded);

/// CURLOPT_XFERINFOFUNCTION with progress on: the callback can abort the transfer (interrupt).
static inline CURLcode tsys_curl_setopt_progress_function(CURL *handle, tsys_curl_progress_callback callback, void *context) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_XFERINFODATA, context);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
    return code;
}
static inline CURLcode tsys_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode tsys_curl_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode tsys_curl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}
#endif
