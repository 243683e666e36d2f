// cimgen — MC-Dropout beat model, program interpreter and program file reader (DESIGN.md section 11).
#include "dropout.hpp"

#include <cctype>
#include <sstream>

#include "files.hpp"

namespace cimgen::golden {

int64_t wrap(int64_t v, int width) {
  if (width >= 64) return v;
  const uint64_t mod = uint64_t{1} << width;
  uint64_t u = uint64_t(v) & (mod - 1);
  if (u >= mod / 2) return int64_t(u) - int64_t(mod);
  return int64_t(u);
}

int popcount(const Mask& m) {
  int k = 0;
  for (uint8_t b : m) k += b ? 1 : 0;
  return k;
}

Terms masked_terms(const Spec& s, const Vec& w, const Vec& x, const Mask& mask) {
  Terms t;
  for (int i = 0; i < s.N; ++i) t.Sw += mask[size_t(i)] ? w[size_t(i)].mag : 0;  // Sw of the active subset
  for (int seg = 0; seg < s.S; ++seg) {
    for (int j = 0; j < s.m; ++j)
      t.A += convert(s, segment_count(s, seg, [&](int i) { return int(mask[size_t(i)]) & step(x[size_t(i)]); },
                                      [&](int i) { return int(w[size_t(i)].mag >> j) & 1; }))
             << j;
    for (int k = 0; k < s.n; ++k) {
      auto gate = [&](int i) { return int(mask[size_t(i)]) & int(x[size_t(i)].mag >> k) & 1; };
      t.B += convert(s, segment_count(s, seg, gate, [&](int i) { return step(w[size_t(i)]); })) << k;
      t.Sx += convert(s, segment_count(s, seg, gate, [](int) { return 1; })) << k;
    }
  }
  return t;
}

int64_t masked_direct(const Vec& w, const Vec& x, const Mask& mask) {
  int64_t y = 0;
  for (size_t i = 0; i < w.size(); ++i)
    if (mask[i]) y += sign(x[i]) * int64_t(w[i].mag) + sign(w[i]) * int64_t(x[i].mag);
  return y;
}

std::vector<int64_t> masked_sums(const Spec& s, const std::vector<Vec>& w, const Vec& x, const Mask& mask) {
  std::vector<int64_t> y;
  for (int c = 0; c < s.C; ++c) y.push_back(masked_terms(s, w[size_t(c)], x, mask).y());
  return y;
}

DropoutModel::DropoutModel(const Spec& s)
    : s_(s), p_(size_t(std::max(1, s.dropout_registers)), std::vector<int64_t>(size_t(s.C), 0)) {}

std::vector<int64_t> DropoutModel::step(const std::vector<Vec>& w, const Vec& x, const Beat& b) {
  const std::vector<int64_t> sum = masked_sums(s_, w, x, b.mask);
  std::vector<int64_t> y(size_t(s_.C));
  for (size_t c = 0; c < y.size(); ++c) {
    switch (b.op) {
    case BeatOp::Set: y[c] = sum[c]; break;
    case BeatOp::Add: y[c] = p_[size_t(b.src)][c] + sum[c]; break;
    case BeatOp::Sub: y[c] = p_[size_t(b.src)][c] - sum[c]; break;
    }
    y[c] = wrap(y[c], s_.Y_W);
  }
  p_[size_t(b.dst)] = y;
  return y;
}

ProgramRun run_program(const Spec& s, const std::vector<Vec>& w, const Vec& x, const Program& prog) {
  ProgramRun run;
  DropoutModel model(s);
  size_t mark = 0;
  for (size_t k = 0; k <= prog.beats.size(); ++k) {
    for (; mark < prog.samples.size() && size_t(prog.samples[mark].after) == k; ++mark) {
      const SampleMark& sm = prog.samples[mark];
      const std::vector<int64_t> want = masked_sums(s, w, x, sm.in);
      for (int c = 0; c < s.C; ++c)
        if (sm.out[size_t(c)] && model.reg(sm.reg)[size_t(c)] != wrap(want[size_t(c)], s.Y_W))
          run.failures.push_back("line " + std::to_string(sm.line) + ": sample " + std::to_string(sm.t) +
                                 " channel " + std::to_string(c) + ": P[" + std::to_string(sm.reg) + "] = " +
                                 std::to_string(model.reg(sm.reg)[size_t(c)]) + ", from scratch " +
                                 std::to_string(wrap(want[size_t(c)], s.Y_W)));
    }
    if (k < prog.beats.size()) run.y.push_back(model.step(w, x, prog.beats[k]));
  }
  return run;
}

std::vector<std::vector<int64_t>> program_outputs(const Spec& s, const std::vector<Vec>& w, const std::vector<Vec>& xs,
                                                  const Program& prog, const std::string& file) {
  if (prog.beats.size() != xs.size())
    throw InputError(printable(file) + ": " + std::to_string(prog.beats.size()) + " beats for " +
                     std::to_string(xs.size()) + " input vectors (one beat per vector)");
  DropoutModel model(s);
  std::vector<std::vector<int64_t>> ys;
  for (size_t k = 0; k < xs.size(); ++k) ys.push_back(model.step(w, xs[k], prog.beats[k]));
  return ys;
}

namespace {

/// Throws "FILE:LINE: what".
[[noreturn]] void bad(const std::string& file, int line, const std::string& what) {
  throw InputError(printable(file) + ":" + std::to_string(line) + ": " + what);
}

/// A decimal integer token in lo..hi (`what` names the field).
int field(const std::string& tok, int lo, int hi, const std::string& what, const std::string& file, int line) {
  bool digits = !tok.empty() && tok.size() <= 9;
  for (char ch : tok) digits = digits && std::isdigit(static_cast<unsigned char>(ch));
  const int v = digits ? std::stoi(tok) : -1;
  if (!digits || v < lo || v > hi)
    bad(file, line, what + " must be in " + std::to_string(lo) + ".." + std::to_string(hi) + ", got '" +
                        printable(tok.substr(0, 40)) + "'");
  return v;
}

Mask mask_field(const std::string& tok, int width, const std::string& what, const std::string& file, int line) {
  if (int64_t(tok.size()) != width)
    bad(file, line, what + " must have " + std::to_string(width) + " characters 0/1, got " + std::to_string(tok.size()));
  Mask m;
  for (char ch : tok) {
    if (ch != '0' && ch != '1') bad(file, line, what + " must contain only 0 and 1, got '" + printable(std::string(1, ch)) + "'");
    m.push_back(ch == '1');
  }
  return m;
}

void parse_line(const Spec& s, const std::vector<std::string>& tok, const std::string& file, int line, Program& p) {
  const int rmax = s.dropout_registers - 1;
  if (tok[0] == "sample") {
    if (tok.size() != 5) bad(file, line, "sample line must be 'sample T REG IN_MASK OUT_MASK', got " + std::to_string(tok.size()) + " fields");
    SampleMark m;
    m.t = field(tok[1], 0, 100000000, "sample number", file, line);
    m.reg = field(tok[2], 0, rmax, "register", file, line);
    m.in = mask_field(tok[3], s.N, "input mask", file, line);
    m.out = mask_field(tok[4], s.C, "output mask", file, line);
    m.after = int(p.beats.size());
    m.line = line;
    p.samples.push_back(std::move(m));
    return;
  }
  if (tok.size() != 4) bad(file, line, "beat line must be 'OP SRC DST MASK', got " + std::to_string(tok.size()) + " fields");
  Beat b;
  b.op = BeatOp(field(tok[0], 0, 2, "op", file, line));
  b.src = field(tok[1], 0, rmax, "src register", file, line);
  b.dst = field(tok[2], 0, rmax, "dst register", file, line);
  b.mask = mask_field(tok[3], s.N, "mask", file, line);
  p.beats.push_back(std::move(b));
}

} // namespace

Program parse_program(const Spec& s, const std::string& text, const std::string& file) {
  if (!s.has_dropout()) throw InputError(printable(file) + ": spec '" + s.name + "' has no /dropout object");
  Program p;
  std::istringstream in(text);
  std::string raw;
  for (int line = 1; std::getline(in, raw); ++line) {
    const size_t hash = raw.find('#');
    std::istringstream ls(raw.substr(0, hash));
    std::vector<std::string> tok;
    for (std::string t; ls >> t;) tok.push_back(t);
    if (!tok.empty()) parse_line(s, tok, file, line, p);
  }
  if (p.beats.empty()) throw InputError(printable(file) + ": no beat lines");
  return p;
}

Program read_program(const Spec& s, const std::string& path) {
  return parse_program(s, read_input_file(path, "program file", std::uintmax_t{256} << 20), path);
}

std::string format_mask(const Mask& m) {
  std::string t;
  for (uint8_t b : m) t += b ? '1' : '0';
  return t;
}

std::string format_beat(const Beat& b) {
  return std::to_string(int(b.op)) + " " + std::to_string(b.src) + " " + std::to_string(b.dst) + " " + format_mask(b.mask);
}

std::string format_sample(const SampleMark& m) {
  return "sample " + std::to_string(m.t) + " " + std::to_string(m.reg) + " " + format_mask(m.in) + " " + format_mask(m.out);
}

} // namespace cimgen::golden
