#ifndef TSYS_SETTLE_CSQLITE_SHIM_H
#define TSYS_SETTLE_CSQLITE_SHIM_H
// The system SQLite for the settlement ledger. SQLITE_TRANSIENT is a macro casting -1 to a
// function pointer, which Swift cannot spell, so text and blob binds go through these.
#include <sqlite3.h>

static inline int tsys_sqlite3_bind_text(sqlite3_stmt *statement, int index, const char *text, int length) {
    return sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
}

static inline int tsys_sqlite3_bind_blob(sqlite3_stmt *statement, int index, const void *bytes, int length) {
    return sqlite3_bind_blob(statement, index, bytes, length, SQLITE_TRANSIENT);
}

#endif
