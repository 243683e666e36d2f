// cimgen — the FuseSoC CAPI2 core file of a generated macro (<name>.core).
#pragma once

#include <string>

#include "files.hpp"
#include "spec.hpp"

namespace cimgen {

/// <name>.core text from the file lists rtl/files.f and sim/files.f of `files`: an `rtl`
/// fileset (synthesizable modules and the bit-cell array, leaves first), a `sim` fileset (the
/// analog models), targets `lint` (Verilator), `sim` (Icarus) and `synth` (Yosys).
std::string fusesoc_core(const Spec& s, const FileSet& files);

} // namespace cimgen
