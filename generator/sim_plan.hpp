// cimgen — how `cimgen sim` verilates a macro: which repeated modules become Verilator
// hierarchical blocks (verilated and compiled once, instantiated many times), the build's
// expected size, and the parallelism of the build and of the simulation.
#pragma once

#include <string>
#include <vector>

#include "files.hpp"

namespace cimgen {

/// One generated module as the build plan sees it (from manifest.json and its file).
struct PlanModule {
  std::string name;
  long long instances = 0;          ///< in the whole macro (manifest)
  long long own = 0;                ///< Verilog bytes of its own file (a size proxy)
  std::string file;                 ///< its generated file
  bool per_instance = false;        ///< has a parameter ID (distinct per instance: never a hier block)
  bool overridden = false;          ///< some instance overrides its parameters (never a hier block)
  std::vector<std::string> children;  ///< modules it instantiates
};

/// The build of one macro's Verilator model.
struct BuildPlan {
  std::vector<PlanModule> modules;
  std::vector<std::string> hier;   ///< hierarchical blocks (empty: a flat build)
  long long instances = 0;         ///< module instances in the macro
  long long flat_size = 0;         ///< Verilog bytes of the fully flattened macro
  long long unit_size = 0;         ///< of the largest unit Verilator handles at once
  double est_gb = 0;               ///< expected peak memory of the build
  int threads = 1;                 ///< Verilator --threads of the model (1 unless asked for; always 1
                                   ///< with hierarchical blocks, see `note`)
  std::string note;                ///< why an asked --threads was not granted ("" if it was)
  int jobs = 1;                    ///< parallel C++ compiles (-j): the cores, as many as fit in memory
  /// The Verilator configuration file marking the hierarchical blocks.
  std::string vlt() const;
  /// Instances, distinct modules, hierarchical blocks, largest unit.
  std::string size_text() const;
  /// One line: size_text(), expected peak memory, -j and --threads.
  std::string summary() const;
};

/// Flat below this many Verilog bytes of flattened macro: a hierarchical build's extra
/// Verilator runs cost more than they save (measured, see scripts/bench_sim.sh).
inline constexpr long long kHierMinFlatBytes = 2'000'000;

/// Plans the build of the generated `files` (with manifest.json). `hier`: "auto" (hierarchical
/// blocks from kHierMinFlatBytes on), "on" or "off"; `threads` > 0: a multi-threaded model
/// (single-threaded otherwise); `cores` and `memory_gb` are the machine's.
BuildPlan plan_build(const FileSet& files, const std::string& hier, int threads, int cores, double memory_gb);

/// The sources Verilator builds for `plan`: `files`, with each hierarchical block's header
/// parameters turned into localparams. Verilator 5.006 silently inlines a hierarchical block
/// that has parameters (it never substitutes the verilated library); its instances never
/// override them (`overridden` is false), so the model is the same.
FileSet hier_sources(const FileSet& files, const BuildPlan& plan);

/// Bytes of physical memory, 0 if unknown.
double physical_memory_gb();

}  // namespace cimgen
