# Thin front end over CMake; every target prints what it runs.
BUILD ?= build
SPEC  ?= specs/mf_n64_c4.json
JOBS  ?= 2

.PHONY: all deps build cli demo test lint synth bench prune-bench compare compare-htree dima-compare fuzz-specs fuzz golden-rtl dropout-bench clean

all: build

deps:
	bash scripts/install-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# Only the CLI (no verilated regression models): enough for synth and compare.
cli: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS) --target cimgen

# The main job: dependencies, the CLI (not the 20 verilated regression models of `make test`),
# the default spec's RTL, its Verilator regression, area.
demo: deps cli
	$(BUILD)/cimgen check $(SPEC)
	$(BUILD)/cimgen generate $(SPEC) -o $(BUILD)/demo
	$(BUILD)/cimgen sim $(SPEC) --vectors 500 --seed 1 --cache $(BUILD)/simcache
	$(BUILD)/cimgen synth $(SPEC) -o $(BUILD)/demo

test: deps build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

lint: build
	bash tb/rtl_lint.sh $(BUILD)/cimgen tb/specs

synth: cli
	$(BUILD)/cimgen synth $(SPEC) -o $(BUILD)/synth_out

# MF versus multiply-based, and the adder-tree kinds: CSV, markdown and PNGs in $(BUILD)/compare.
compare: cli
	COMPARE_TECH=$(TECH) bash scripts/compare.sh $(BUILD)/cimgen $(BUILD)/compare$(if $(TECH),_$(TECH))

# The H-tree core against the flat macro (B = 1, 4, 16, 64; n = 2, 4, 8; N = 1024, C = 8): area,
# cycles, latency and root-link bits per vector measured in Icarus; CSV, markdown, PNGs.
compare-htree: cli
	bash scripts/compare_htree.sh $(BUILD)/cimgen $(BUILD)/compare_htree

# MF in_memory against DIMA on the same array (issue 15): CSV, table (BUILD/dima_compare/table.md)
# and PNGs; real units from synth --tech $(DIMA_COMPARE_TECH) (DIMA_COMPARE_TECH= for GE only).
DIMA_COMPARE_TECH ?= osu018
dima-compare: cli
	DIMA_COMPARE_TECH=$(DIMA_COMPARE_TECH) bash scripts/dima_compare.sh $(BUILD)/cimgen $(BUILD)/dima_compare

bench: build
	bash scripts/bench.sh $(BUILD)
	bash scripts/bench_sim.sh $(BUILD)

# Pruned-weight mapping (issue 13): greedy vs in_order vs ideal, table and plots in $(BUILD)/prune_bench.
prune-bench: cli
	bash scripts/prune_bench.sh $(BUILD)/cimgen $(BUILD)/prune_bench

# Random legal specs (tb/random_specs.cpp): lint COUNT of them, and simulate them with SIM=1.
SEED  ?= 1
COUNT ?= 200
SIM   ?= 0
fuzz-specs: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS) --target cimgen cimgen_random_specs
	bash tb/fuzz_specs.sh $(if $(filter 1,$(SIM)),both,lint) $(BUILD)/cimgen $(BUILD)/cimgen_random_specs $(SEED) $(COUNT) $(JOBS) $(BUILD)/fuzz_$(SEED)

# libFuzzer targets of the readers (tb/fuzz), built with clang + ASan/UBSan in build-fuzz, each run
# for SECONDS seconds, one after the other; findings in build-fuzz/artifacts.
SECONDS ?= 60
fuzz: deps
	bash tb/fuzz/run.sh build-fuzz seconds $(SECONDS)

# Formal proofs (issue 11): every adder-tree kind against a popcount for L = 1..FORMAL_L (and
# FORMAL_EXTRA), pipelined ones included (stages 0 and 1 + L mod 8, or each of FORMAL_PIPES, e.g.
# "0 1 2 3 4 5 6 7 8"), plus the SAR and valid/ready properties (tb/formal/).
FORMAL_L     ?= 64
FORMAL_EXTRA ?= 96 128 192 256 512 1024
FORMAL_PIPES ?=
formal: cli
	bash scripts/formal.sh $(BUILD)/cimgen $(BUILD)/formal $(FORMAL_L) "$(FORMAL_EXTRA)" "$(FORMAL_PIPES)"

# Soak: SPECS random legal specs, VECTORS vectors each, bit-exact against the golden model.
SPECS   ?= 50
VECTORS ?= 20000
soak: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS) --target cimgen cimgen_random_specs
	bash scripts/soak.sh $(BUILD)/cimgen $(BUILD)/cimgen_random_specs $(SPECS) $(VECTORS) $(SEED) $(BUILD)/soak_$(SEED) 1

# Rewrite tb/golden_rtl.sha256 (the golden_rtl test) after an intended change of the generated RTL.
# MC-Dropout reuse study (issue 14): savings per flow at 100 samples, table in $(BUILD)/dropout_bench.md.
dropout-bench: cli
	bash scripts/dropout_bench.sh $(BUILD)

golden-rtl: cli
	bash tb/golden_rtl.sh $(BUILD)/cimgen tb/specs tb/golden_rtl.sha256 --update

clean:
	rm -rf $(BUILD)
