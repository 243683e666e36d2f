// cimgen — `cimgen dropout`: the scheduler's output directory (program, cost report, plot).
#include "dropout_cmd.hpp"

#include <cstdio>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/wait.h>

#include "shell.hpp"

namespace cimgen {

namespace {

using nlohmann::ordered_json;

std::string fixed(double v, int digits) {
  std::ostringstream os;
  os << std::fixed << std::setprecision(digits) << v;
  return os.str();
}

/// 1 - cost/reference, as a fraction (0 when the reference is 0).
double saving(int64_t cost, int64_t ref) { return ref > 0 ? 1.0 - double(cost) / double(ref) : 0.0; }

/// ADC bits a masked beat needs on in_memory: clog2(active columns of the fullest segment + 1).
int adc_bits_needed(const Spec& s, const golden::Mask& m) {
  int worst = 0;
  for (int seg = 0; seg < s.S; ++seg) {
    int k = 0;
    for (int i = seg * s.L; i < std::min(s.N, (seg + 1) * s.L); ++i) k += m[size_t(i)];
    worst = std::max(worst, k);
  }
  return clog2(uint64_t(worst) + 1);
}

const char* kConvention =
    "cost = (active column, channel) pairs evaluated; a kept channel of sample t reusing stored sample s costs "
    "min(|a_t xor a_s|, |a_t|) if s kept the channel, else |a_t| (recomputed); dropped channels cost 0";

ordered_json cost_json(const Spec& s, const DropoutOptions& o, const dropout::Schedule& sc) {
  ordered_json j;
  j["spec"] = s.name;
  j["spec_hash"] = s.hash;
  j["N"] = s.N, j["C"] = s.C, j["R"] = s.dropout_registers;
  j["samples"] = o.samples, j["p_in"] = o.p_in, j["p_out"] = o.p_out, j["seed"] = o.seed;
  j["convention"] = kConvention;
  const int64_t dense = sc.flows[0].total, gated = sc.flows[1].total;
  ordered_json flows = ordered_json::array();
  for (const dropout::Flow& f : sc.flows)
    flows.push_back({{"flow", f.key}, {"what", f.what}, {"total", f.total},
                     {"saving_vs_dense", saving(f.total, dense)}, {"saving_vs_gated", saving(f.total, gated)},
                     {"cumulative", f.cumulative}});
  j["flows"] = flows;
  j["path_order"] = sc.path;
  j["window_order"] = sc.window;
  ordered_json prog{{"beats", sc.program.beats.size()}, {"pairs_all_channels", sc.program_pairs}};
  if (s.datapath == Datapath::InMemory) {
    int need = 0;
    for (const golden::Beat& b : sc.program.beats) need = std::max(need, adc_bits_needed(s, b.mask));
    prog["adc_bits_needed_max"] = need;
    prog["adc_bits"] = s.adc_bits;
  }
  j["program"] = prog;
  return j;
}

std::string cost_md(const Spec& s, const DropoutOptions& o, const dropout::Schedule& sc) {
  std::ostringstream md;
  md << "# MC-Dropout cost: " << s.name << "\n\n"
     << "N = " << s.N << ", C = " << s.C << ", R = " << s.dropout_registers << ", T = " << o.samples
     << " samples, p_in = " << o.p_in << ", p_out = " << o.p_out << ", seed " << o.seed << ".\n\n"
     << "Cost convention: " << kConvention << ".\n\n"
     << "| flow | total | saving vs dense | saving vs gated | what |\n| --- | ---: | ---: | ---: | --- |\n";
  const int64_t dense = sc.flows[0].total, gated = sc.flows[1].total;
  for (const dropout::Flow& f : sc.flows)
    md << "| " << f.key << " | " << f.total << " | " << fixed(100 * saving(f.total, dense), 1) << " % | "
       << fixed(100 * saving(f.total, gated), 1) << " % | " << f.what << " |\n";
  md << "\nThe beat program (program.txt, window flow, " << sc.program.beats.size()
     << " beats) evaluates every channel on each beat: " << sc.program_pairs << " (column, channel) pairs.\n";
  return md.str();
}

/// cost.dat (sample count, cumulative cost per flow) and the gnuplot script of cost.png.
void add_plot(const dropout::Schedule& sc, FileSet& files) {
  std::ostringstream dat, gp;
  dat << "# k";
  for (const dropout::Flow& f : sc.flows)
    if (!f.cumulative.empty()) dat << " " << f.key;
  dat << "\n";
  for (size_t k = 0; k < sc.flows[0].cumulative.size(); ++k) {
    dat << k + 1;
    for (const dropout::Flow& f : sc.flows)
      if (!f.cumulative.empty()) dat << " " << f.cumulative[k];
    dat << "\n";
  }
  gp << "set terminal pngcairo size 800,560\nset output 'cost.png'\nset key left top\n"
     << "set xlabel 'samples'\nset ylabel 'cumulative (column, channel) pairs'\nset grid\n"
     << "set title 'MC-Dropout cumulative cost'\nplot ";
  int col = 2;
  for (const dropout::Flow& f : sc.flows)
    if (!f.cumulative.empty()) {
      gp << (col > 2 ? ", " : "") << "'cost.dat' using 1:" << col << " with lines lw 2 title '" << f.key << "'";
      ++col;
    }
  gp << "\n";
  files["cost.dat"] = dat.str();
  files["cost.gp"] = gp.str();
}

} // namespace

FileSet dropout_files(const Spec& s, const DropoutOptions& o, const dropout::Schedule& sc) {
  FileSet files;
  std::ostringstream prog;
  prog << "# cimgen dropout program: spec " << s.name << " (hash " << s.hash << "), N " << s.N << ", C " << s.C
       << ", R " << s.dropout_registers << ", T " << o.samples << ", p_in " << o.p_in << ", p_out " << o.p_out
       << ", seed " << o.seed << "\n# beat: OP SRC DST MASK (op 0: y = S, 1: y = P[src] + S, 2: y = P[src] - S; "
          "mask character i = column i)\n# sample T REG IN_MASK OUT_MASK: P[REG] now holds sample T\n";
  size_t mark = 0;
  for (size_t k = 0; k <= sc.program.beats.size(); ++k) {
    for (; mark < sc.program.samples.size() && size_t(sc.program.samples[mark].after) == k; ++mark)
      prog << golden::format_sample(sc.program.samples[mark]) << "\n";
    if (k < sc.program.beats.size()) prog << golden::format_beat(sc.program.beats[k]) << "\n";
  }
  files["program.txt"] = prog.str();
  files["cost.json"] = cost_json(s, o, sc).dump(2) + "\n";
  files["cost.md"] = cost_md(s, o, sc);
  add_plot(sc, files);
  files["manifest.json"] = ordered_json{{"tool", "cimgen dropout"}, {"spec", s.name}, {"spec_hash", s.hash},
                                        {"files", {"program.txt", "cost.json", "cost.md", "cost.dat", "cost.gp", "cost.png"}}}
                               .dump(2) + "\n";
  return files;
}

int run_dropout(const std::string& spec_path, const DropoutOptions& o) {
  const Spec s = Spec::from_file(spec_path);
  if (!s.has_dropout()) throw InputError(printable(spec_path) + ": /dropout: required by cimgen dropout (object with registers)");
  check_output_dir(o.out);
  const dropout::Schedule sc = dropout::schedule(s.N, s.C, s.dropout_registers, o.samples, o.p_in, o.p_out, o.seed);
  const FileSet files = dropout_files(s, o, sc);
  const std::string staged = staging_dir(o.out);
  write_files(staged, files);
  if (o.plot) {
    const std::string cmd = "cd " + shell_quote(staged) + " && gnuplot cost.gp >/dev/null 2>&1";
    const int rc = std::system(cmd.c_str());
    if (rc == -1 || !WIFEXITED(rc) || WEXITSTATUS(rc) != 0)
      std::cerr << "cimgen dropout: gnuplot failed or is missing; cost.png not written (cost.dat and cost.gp are)\n";
  }
  commit_dir(staged, o.out);
  for (const dropout::Flow& f : sc.flows)
    std::cout << std::left << std::setw(8) << f.key << std::right << std::setw(12) << f.total << "  "
              << fixed(100 * saving(f.total, sc.flows[0].total), 1) << " % vs dense, "
              << fixed(100 * saving(f.total, sc.flows[1].total), 1) << " % vs gated\n";
  return kExitOk;
}

} // namespace cimgen
