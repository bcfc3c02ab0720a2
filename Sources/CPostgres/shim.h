#ifndef TSYS_SETTLE_CPOSTGRES_SHIM_H
#define TSYS_SETTLE_CPOSTGRES_SHIM_H
// libpq, the PostgreSQL client library, for the shared settlement ledger.
#include <libpq-fe.h>
#endif
