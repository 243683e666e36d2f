// cimgen — DIMA program files: one task per line (golden/dima.hpp describes the syntax).
#include <sstream>

#include "dima.hpp"
#include "files.hpp"

namespace cimgen::golden::dima {

namespace {

constexpr std::uintmax_t kMaxProgramBytes = std::uintmax_t{1} << 20;

/// Integer token in lo..hi, else an InputError naming the line, the field and the range.
int64_t field(const std::string& where, const std::string& name, const std::string& tok, int64_t lo, int64_t hi) {
  size_t used = 0;
  int64_t v = 0;
  bool ok = !tok.empty() && tok.size() <= 20;
  if (ok) {
    try {
      v = std::stoll(tok, &used, 10);
    } catch (const std::exception&) {
      ok = false;
    }
  }
  if (!ok || used != tok.size() || v < lo || v > hi)
    throw InputError(where + ": " + name + " must be an integer in " + std::to_string(lo) + ".." + std::to_string(hi) +
                     ", got '" + printable(tok.substr(0, 32)) + "'");
  return v;
}

DimaOp parse_op(const std::string& where, const std::string& tok) {
  if (tok == "dot") return DimaOp::Dot;
  if (tok == "l1") return DimaOp::L1;
  if (tok == "sum") return DimaOp::Sum;
  throw InputError(where + ": op must be one of dot | l1 | sum, got '" + printable(tok.substr(0, 32)) + "'");
}

DimaRdl parse_rdl(const std::string& where, const std::string& tok) {
  if (tok == "none") return DimaRdl::None;
  if (tok == "acc") return DimaRdl::Acc;
  if (tok == "max") return DimaRdl::Max;
  if (tok == "threshold") return DimaRdl::Threshold;
  throw InputError(where + ": rdl must be one of none | acc | max | threshold, got '" + printable(tok.substr(0, 32)) + "'");
}

/// One task line (tokens after the comment was cut).
Task parse_task(const Spec& s, const std::string& where, std::istringstream& in, const std::string& op) {
  Task t;
  t.op = parse_op(where, op);
  std::string tok;
  if (!(in >> tok)) throw InputError(where + ": channel missing after the op (integer in 0.." + std::to_string(s.C - 1) + ")");
  t.channel = int(field(where, "channel", tok, 0, s.C - 1));
  t.dst = t.channel;
  t.d = s.adc_lsb_shift;
  const int64_t thr_hi = (int64_t{1} << (s.Y_W - 1)) - 1;
  while (in >> tok) {
    const size_t eq = tok.find('=');
    const std::string key = tok.substr(0, eq), val = eq == std::string::npos ? "" : tok.substr(eq + 1);
    if (tok == "last") t.last = true;
    else if (key == "d" && eq != std::string::npos) t.d = int(field(where, "d", val, 0, s.dima.d_max));
    else if (key == "dst" && eq != std::string::npos) t.dst = int(field(where, "dst", val, 0, s.C - 1));
    else if (key == "thr" && eq != std::string::npos) t.thr = field(where, "thr", val, -thr_hi - 1, thr_hi);
    else if (key == "rdl" && eq != std::string::npos) t.rdl = parse_rdl(where, val);
    else
      throw InputError(where + ": unknown field '" + printable(tok.substr(0, 32)) +
                       "' (allowed: d=D, rdl=R, dst=SLOT, thr=T, last)");
  }
  return t;
}

} // namespace

Program parse_program(const Spec& s, const std::string& text, const std::string& file) {
  Program prog;
  std::istringstream lines(text);
  std::string line;
  for (int no = 1; std::getline(lines, line); ++no) {
    line = line.substr(0, line.find('#'));
    std::istringstream in(line);
    std::string op;
    if (!(in >> op)) continue;
    const std::string where = printable(file) + ":" + std::to_string(no);
    if (int(prog.size()) == s.dima.program_words)
      throw InputError(where + ": program longer than the instruction memory (dima.program_words = " +
                       std::to_string(s.dima.program_words) + ")");
    prog.push_back(parse_task(s, where, in, op));
  }
  if (prog.empty()) throw InputError(printable(file) + ": empty program (at least one task)");
  prog.back().last = true;
  return prog;
}

Program read_program(const Spec& s, const std::string& path) {
  return parse_program(s, read_input_file(path, "program file", kMaxProgramBytes), path);
}

} // namespace cimgen::golden::dima
