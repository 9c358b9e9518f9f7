# koers — set-up, build and tests on a fresh Debian 12 machine (run as root or with sudo).
#   make demo   install what is needed, build, run `koers report` on the embedded examples
#   make test   the same set-up, then every test: ctest, pytest, notebooks, consumer example
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
BUILD := build/py
STAGE := build/stage
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
APT_PACKAGES := libboost-graph-dev libboost-date-time-dev libeigen3-dev catch2 pybind11-dev \
                nlohmann-json3-dev libpugixml-dev libcsv-dev libxml2-utils
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export CMAKE_BUILD_PARALLEL_LEVEL := $(JOBS)

.PHONY: demo test deps venv build install-cpp cpp-test py-test consumer bench bench-quick clean

demo: build
	$(VENV)/bin/koers report --out out

test: build install-cpp
	ctest --test-dir $(BUILD)/tests/cpp --output-on-failure
	$(PY) -m pytest -q tests/python
	$(MAKE) consumer

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
	  "dask[distributed]" jsonschema pymcdm scikit-criteria lxml
	touch $@

venv: $(VENV)/.stamp

## build the C++ library, tests and Python module once (incremental), install into .venv
build: deps venv
	rm -f python/koers/_core*.so
	$(PIP) install -q --no-build-isolation --no-deps \
	  -Cbuild-dir=$(BUILD) -Ccmake.define.KOERS_BUILD_TESTS=ON .

## install headers, library and CMake package to a staging prefix (for the consumer)
install-cpp: build
	cmake --install $(BUILD) --prefix $(CURDIR)/$(STAGE) --component dev >/dev/null

## the consumer example: find_package(koers) against the installed package
consumer: install-cpp
	cmake -S examples/consumer -B build/consumer -DCMAKE_PREFIX_PATH=$(CURDIR)/$(STAGE) >/dev/null
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
