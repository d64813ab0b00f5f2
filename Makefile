# sales-server — see README.md. `make run` and `make test` work on a fresh Debian machine with
# the Swift toolchain: missing Debian packages are installed with apt-get first.

SWIFT       ?= swift
DEB_PACKAGES = zlib1g-dev libssl-dev libsqlite3-dev pkg-config python3 python3-pip python3-venv curl
BENCH_DEBS   = wrk python3
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_BIN  = .build/release/sales-server

.PHONY: all deps bench-deps build run test bench clean migrations openapi api-fuzz

all: build

# Installs the Debian development packages the build links against, when missing.
deps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

bench-deps: deps
	@missing=""; for p in $(BENCH_DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# Release build of the server.
build: deps
	$(SWIFT) build -c release --product sales-server

# Builds and starts the server on ./data/sales.sqlite.
run: build
	@mkdir -p data
	$(RELEASE_BIN) serve --db ./data/sales.sqlite

# The full test suite (unit, socket-level and end-to-end tests against a real server).
test: deps
	./scripts/validate-openapi.sh
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Schemathesis against a running server from docs/openapi.yaml (API_FUZZ_SECONDS, default 120).
api-fuzz: deps
	./scripts/api-fuzz.sh

# Side-by-side load test of our server and the Hummingbird peer (see Benchmarks/README.md).
bench: bench-deps build
	cd Benchmarks && ./run.sh

clean:
	rm -rf .build Benchmarks/.build

# Re-embeds migrations/*.sql into the binary after adding a migration.
migrations:
	./scripts/embed-migrations.sh

# Re-embeds docs/openapi.yaml (served at /openapi.json) after editing it.
openapi:
	./scripts/embed-openapi.sh
