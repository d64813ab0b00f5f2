// libpq, PostgreSQL's client library (Debian: libpq-dev; `make deps` installs it).
#include <libpq-fe.h>
