# The README's two commands: `make demo` (install, build, index the demo corpus, search it)
# and `make test` (install, build normally and with sanitizers, run the whole suite in both).
JOBS  ?= $(shell nproc)
BUILD ?= build
ASAN  ?= build-asan

.PHONY: all deps build demo test test-release test-sanitize bench clean

all: build

deps:
	scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	scripts/demo.sh $(BUILD)

test: deps test-release test-sanitize

test-release:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-sanitize:
	cmake -S . -B $(ASAN) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSDEX_SANITIZE=ON -DNEWSDEX_BENCHMARKS=OFF
	cmake --build $(ASAN) -j $(JOBS)
	cd $(ASAN) && ctest --output-on-failure -j $(JOBS)

bench: deps
	scripts/install-deps.sh gnuplot-nox time
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS)
	benchmarks/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN)
