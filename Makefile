# sales-server — see README.md. `make run` and `make test` work on a fresh Debian machine with
# the Swift toolchain: missing Debian packages are installed with apt-get first.

SWIFT       ?= swift
DEB_PACKAGES = zlib1g-dev libssl-dev libsqlite3-dev libpq-dev pkg-config python3 python3-pip python3-venv curl
BENCH_DEBS   = wrk python3
BROWSER_DEBS = chromium chromium-driver poppler-utils
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_BIN  = .build/release/sales-server

.PHONY: browser-deps test-browser clients check-clients test-clients bench-postgres test-postgres test-readme test-dates all deps bench-deps build run test bench bench-compare bench-scale bench-scale-postgres bench-slow fuzz crash-test sanitize sanitize-address sanitize-thread clean api-fuzz

all: build

# Installs the Debian packages named in $(1) that are missing (apt-get; via sudo when not root).
define install_debs
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
endef

# The Debian development packages the build links against.
deps:
	$(call install_debs,$(DEB_PACKAGES))

bench-deps: deps
	$(call install_debs,$(BENCH_DEBS))

# What the browser tests drive: chromium and its driver (one source package, so their versions
# match) and pdftotext (poppler-utils), to read a printed invoice back.
browser-deps: deps
	$(call install_debs,$(BROWSER_DEBS))

# Release build of the server.
build: deps
	$(SWIFT) build -c release --product sales-server

# Builds and starts the server on ./data/sales.sqlite.
run: build
	@mkdir -p data
	$(RELEASE_BIN) serve --db ./data/sales.sqlite

# A hung test ends the run with exit 124 after this long instead of using up CI's 90 minutes
# (the suite takes about 2 minutes, under AddressSanitizer about 5).
TEST_TIME_LIMIT ?= timeout --kill-after=30s 25m

# The full test suite (unit, socket-level and end-to-end tests against a real server).
test: deps
	./scripts/validate-openapi.sh
	$(SWIFT) build --build-tests
	$(TEST_TIME_LIMIT) $(SWIFT) test --skip-build
	$(TEST_TIME_LIMIT) ./scripts/test-dates.sh
	@# README.md's shell blocks, run as written against a fresh server, every promised answer checked.
	python3 scripts/readme-test.py --binary .build/debug/sales-server
	@# The short crash test (5 kills), after the suite so its load does not time the suite out.
	python3 scripts/crash-test.py --kills 5 --durability full --binary .build/debug/sales-server --seed 20261123

# The API suites again on PostgreSQL (each test server on its own database), the tests of the
# PostgreSQL store itself and of several nodes, then the short crash test with a node in front of
# PostgreSQL, against a throwaway cluster on a loopback port in a temp directory
# (scripts/pg-cluster.sh: installs postgresql when missing, stops it whatever happens).
test-postgres: deps
	$(SWIFT) build --build-tests
	$(TEST_TIME_LIMIT) ./scripts/pg-cluster.sh run sh -c '\
		SALES_TEST_STORE=postgresql $(SWIFT) test --skip-build --filter "Postgres|SalesAPITests" && \
		python3 scripts/crash-test.py --kills 5 --db "$$SALES_TEST_POSTGRES" --binary .build/debug/sales-server --seed 20261206'

# README.md's shell blocks run as written against a fresh server (scripts/readme-test.py).
test-readme:
	$(SWIFT) build --product sales-server
	python3 scripts/readme-test.py --binary .build/debug/sales-server

# The API suites with the server's clock at a year end, a month end, 29 February and across a
# UTC midnight (scripts/test-dates.sh; make test runs it after the suite).
test-dates:
	$(SWIFT) build --build-tests
	./scripts/test-dates.sh

# Schemathesis against a running server from docs/openapi.yaml (API_FUZZ_EXAMPLES cases per operation and phase, default 25).
api-fuzz: deps
	./scripts/api-fuzz.sh

# The clients generated from docs/openapi.yaml (issue 20; README "For integrators"): `make clients`
# regenerates Clients/Swift/Sources/SalesClient/Generated and Clients/python/sales-server-client
# with the pinned generators; `make check-clients` fails if what is committed differs or a
# generator warns; `make test-clients` runs the Swift SDK's tests and the Python example's test
# against a real server.
clients: deps
	./scripts/generate-clients.sh

check-clients: deps
	./scripts/generate-clients.sh --check

test-clients: deps
	./scripts/test-clients.sh

# The console in a real browser (issue 19): chromium + chromium-driver + pdftotext from Debian and
# Selenium from PyPI, installed when missing; screenshots to docs/screenshots/.
test-browser: browser-deps
	$(SWIFT) build --product sales-server
	./scripts/test-browser.sh

# Side-by-side load test of our server and the Hummingbird peer (see Benchmarks/README.md).
bench: bench-deps build
	cd Benchmarks && ./run.sh

# Before/after for a refactor: make bench's scenarios against this checkout and BASE (a commit,
# built in its own folder), side by side in one run (Benchmarks/compare.py).
bench-compare: bench-deps
	@test -n "$(BASE)" || { echo "usage: make bench-compare BASE=<commit>"; exit 2; }
	$(SWIFT) build -c release --product sales-server
	cd Benchmarks && python3 compare.py $(BASE)

# make bench's scenarios on SQLite, on PostgreSQL with one node and with two, side by side in one
# run (Benchmarks/bench_postgres.py; a throwaway cluster; writes docs/benchmarks-postgres.md).
bench-postgres: bench-deps build
	cd Benchmarks && python3 bench_postgres.py

# kill -9 under a mixed write load, 50 times at each durability, verifying after every restart
# (scripts/crash-test.py; CRASH_KILLS to change the count). make test runs 5 kills after the suite.
crash-test: build
	python3 scripts/crash-test.py --kills $${CRASH_KILLS:-50} --durability full
	python3 scripts/crash-test.py --kills $${CRASH_KILLS:-50} --durability normal

# The whole test suite under AddressSanitizer, then ThreadSanitizer (own build folders). The
# instrumented code runs several times slower, so every wait in the tests is stretched
# (SALES_TEST_TIME_SCALE, HTTPTestSupport/TestTiming.swift).
SANITIZE_TIME_SCALE ?= 10
sanitize: sanitize-address sanitize-thread

sanitize-address: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build/asan
	SALES_TEST_TIME_SCALE=$(SANITIZE_TIME_SCALE) LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan.supp \
		$(TEST_TIME_LIMIT) $(SWIFT) test --skip-build --sanitize=address --scratch-path .build/asan

sanitize-thread: deps
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build/tsan
	SALES_TEST_TIME_SCALE=$(SANITIZE_TIME_SCALE) TSAN_OPTIONS=halt_on_error=0 $(TEST_TIME_LIMIT) $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build/tsan

# libFuzzer + AddressSanitizer on the HTTP request parser for FUZZ_SECONDS (default 120): no
# crash, no leak, and the same requests however the bytes are split (Fuzz/).
fuzz: deps
	./Fuzz/run.sh

# 2,000 slow clients, a connection flood and oversized bodies beside a normal client, with pass
# criteria (Benchmarks/slow_clients.py); writes docs/benchmarks-slow-clients.md.
bench-slow: bench-deps build
	python3 Benchmarks/slow_clients.py

# Our server on a year of a million orders generated by a direct path (Benchmarks/bench_scale.py;
# SCALE_ORDERS to change the size); writes docs/benchmarks-scale.md.
bench-scale: bench-deps build
	python3 Benchmarks/bench_scale.py

# The same year of a million orders on SQLite and, copied with `sales-server copy`, on a throwaway
# PostgreSQL cluster, one node each (issue 18 item 6; writes docs/benchmarks-scale-postgres.md).
bench-scale-postgres: bench-deps build
	python3 Benchmarks/bench_scale.py --postgres

clean:
	rm -rf .build Benchmarks/.build Fuzz/.build
