// cimgen — Liberty reader (cells, areas, pin functions) and boolean-function evaluator.
#include "liberty.hpp"

#include <cctype>
#include <fstream>
#include <memory>
#include <set>

#include "errors.hpp"
#include "files.hpp"
#include "liberty_embedded.hpp"

namespace cimgen {

namespace {

/// Deepest group nesting and parenthesis nesting in a function read (real libraries: 4 and ~5).
constexpr int kMaxNesting = 64;
/// Largest Liberty file read.
constexpr std::uintmax_t kMaxLibertyBytes = std::uintmax_t{1} << 30;

/// A token as an error message shows it: at most 40 characters, one line.
std::string shown(const std::string& text) { return printable(text.size() > 40 ? text.substr(0, 36) + " ..." : text); }

/// A token of Liberty text: a word, a quoted string, or one punctuation character.
struct Token {
  enum Kind { Word, String, Punct, End } kind = End;
  std::string text;
  int line = 0;
};

class Lexer {
public:
  Lexer(const std::string& text, const std::string& source) : t_(text), src_(source) {}

  Token next() {
    skip();
    Token tok;
    tok.line = line_;
    if (p_ >= t_.size()) return tok;
    const char c = t_[p_];
    if (c == '"') {
      ++p_;
      const size_t start = p_;
      while (p_ < t_.size() && t_[p_] != '"') {
        if (t_[p_] == '\\' && p_ + 1 < t_.size()) ++p_;
        if (t_[p_] == '\n') ++line_;
        ++p_;
      }
      if (p_ >= t_.size()) fail(tok.line, "unterminated string");
      tok.kind = Token::String;
      tok.text = t_.substr(start, p_ - start);
      ++p_;
      return tok;
    }
    if (std::string("(){}:;,").find(c) != std::string::npos) {
      ++p_;
      tok.kind = Token::Punct;
      tok.text = std::string(1, c);
      return tok;
    }
    const size_t start = p_;
    while (p_ < t_.size() && !std::isspace((unsigned char)t_[p_]) && std::string("(){}:;,\"").find(t_[p_]) == std::string::npos &&
           !(t_[p_] == '/' && p_ + 1 < t_.size() && (t_[p_ + 1] == '*' || t_[p_ + 1] == '/')) &&
           !(t_[p_] == '\\' && p_ + 1 < t_.size() && (t_[p_ + 1] == '\n' || t_[p_ + 1] == '\r')))
      ++p_;
    tok.kind = Token::Word;
    tok.text = t_.substr(start, p_ - start);
    return tok;
  }

  [[noreturn]] void fail(int line, const std::string& what) const {
    throw InputError(printable(src_) + ":" + std::to_string(line) + ": " + what);
  }

private:
  /// Whitespace, /* */ and // comments, backslash line continuations.
  void skip() {
    while (p_ < t_.size()) {
      const char c = t_[p_];
      if (c == '\n') {
        ++line_;
        ++p_;
      } else if (std::isspace((unsigned char)c)) {
        ++p_;
      } else if (c == '\\' && p_ + 1 < t_.size() && (t_[p_ + 1] == '\n' || t_[p_ + 1] == '\r')) {
        ++p_;
      } else if (c == '/' && p_ + 1 < t_.size() && t_[p_ + 1] == '*') {
        const size_t end = t_.find("*/", p_ + 2);
        if (end == std::string::npos) fail(line_, "unterminated comment");
        for (size_t i = p_; i < end; ++i) line_ += t_[i] == '\n';
        p_ = end + 2;
      } else if (c == '/' && p_ + 1 < t_.size() && t_[p_ + 1] == '/') {
        while (p_ < t_.size() && t_[p_] != '\n') ++p_;
      } else {
        return;
      }
    }
  }

  const std::string& t_;
  const std::string& src_;
  size_t p_ = 0;
  int line_ = 1;
};

/// A Liberty group; only the groups a report needs keep their children.
struct Group {
  std::string name;
  std::vector<std::string> args;
  std::map<std::string, std::string> attrs;  ///< simple attributes (first occurrence)
  std::vector<std::unique_ptr<Group>> children;
};

bool kept(const std::string& group) {
  static const std::set<std::string> keep = {"library", "cell", "pin", "ff", "latch", "ff_bank", "latch_bank", "statetable", "timing"};
  return keep.count(group) > 0;
}

class Parser {
public:
  Parser(const std::string& text, const std::string& source) : lex_(text, source) { advance(); }

  std::unique_ptr<Group> library() {
    while (tok_.kind != Token::End) {
      if (tok_.kind != Token::Word) lex_.fail(tok_.line, "expected a group name, got '" + shown(tok_.text) + "'");
      const std::string name = tok_.text;
      advance();
      auto g = std::make_unique<Group>();
      g->name = name;
      statement_rest(*g, true);
      if (name == "library") return g;
    }
    lex_.fail(tok_.line, "no library group");
  }

private:
  void advance() { tok_ = lex_.next(); }
  bool punct(char c) const { return tok_.kind == Token::Punct && tok_.text[0] == c; }
  void expect(char c) {
    if (!punct(c)) lex_.fail(tok_.line, std::string("expected '") + c + "', got '" + shown(tok_.text) + "'");
    advance();
  }

  /// After a statement's name: `: value ;`, `(args) ;` or `(args) { statements }`. A group is
  /// stored in `g` (which then has the name already); an attribute is returned via `attr`.
  void statement_rest(Group& g, bool as_group, std::pair<std::string, std::string>* attr = nullptr) {
    if (punct(':')) {
      const int line = tok_.line;
      advance();
      std::string value;
      while (tok_.kind == Token::Word || tok_.kind == Token::String) {
        if (tok_.line != line && !value.empty()) break;  // a missing ';' at the end of a line
        value += (value.empty() ? "" : " ") + tok_.text;
        advance();
      }
      if (punct(';')) advance();
      if (attr) *attr = {g.name, value};
      return;
    }
    expect('(');
    if (depth_ >= kMaxNesting) lex_.fail(tok_.line, "groups nested deeper than " + std::to_string(kMaxNesting) + " levels");
    while (!punct(')')) {
      if (tok_.kind == Token::End) lex_.fail(tok_.line, "unterminated argument list of " + shown(g.name));
      if (!punct(',')) g.args.push_back(tok_.text);
      advance();
    }
    advance();
    if (punct('{')) {
      advance();
      ++depth_;
      while (!punct('}')) {
        if (tok_.kind == Token::End) lex_.fail(tok_.line, "unterminated group " + shown(g.name));
        if (tok_.kind != Token::Word) lex_.fail(tok_.line, "expected an attribute or group, got '" + shown(tok_.text) + "'");
        auto child = std::make_unique<Group>();
        child->name = tok_.text;
        advance();
        std::pair<std::string, std::string> a;
        const bool is_attr = punct(':');
        statement_rest(*child, !is_attr, &a);
        if (is_attr) {
          g.attrs.emplace(a.first, a.second);
        } else if (as_group && kept(child->name)) {
          g.children.push_back(std::move(child));
        }
      }
      --depth_;
      advance();
    } else if (punct(';')) {
      advance();
    }
  }

  Lexer lex_;
  Token tok_;
  int depth_ = 0;  ///< groups open
};

std::string attr(const Group& g, const std::string& key) {
  const auto it = g.attrs.find(key);
  return it == g.attrs.end() ? "" : it->second;
}

// ---- boolean functions ----

class Expr {
public:
  Expr(const std::string& f, const std::vector<std::string>& inputs) : f_(f), in_(inputs) {}

  uint64_t table() {
    const uint64_t v = or_expr();
    skip();
    if (p_ != f_.size()) fail("unexpected '" + f_.substr(p_, 1) + "'");
    return v & mask();
  }

private:
  uint64_t mask() const { return in_.size() >= 6 ? ~uint64_t{0} : (uint64_t{1} << (1u << in_.size())) - 1; }
  [[noreturn]] void fail(const std::string& what) const {
    throw InputError("function \"" + shown(f_) + "\": " + what);
  }
  void skip() {
    while (p_ < f_.size() && std::isspace((unsigned char)f_[p_])) ++p_;
  }
  bool peek(char c) {
    skip();
    return p_ < f_.size() && f_[p_] == c;
  }
  /// Does a primary start here (for juxtaposition AND)?
  bool primary_starts() {
    skip();
    if (p_ >= f_.size()) return false;
    const char c = f_[p_];
    return c == '(' || c == '!' || std::isalnum((unsigned char)c) || c == '_';
  }
  uint64_t or_expr() {
    uint64_t v = and_expr();
    while (peek('|') || peek('+')) {
      ++p_;
      v |= and_expr();
    }
    return v;
  }
  uint64_t and_expr() {
    uint64_t v = xor_expr();
    for (;;) {
      if (peek('&') || peek('*')) {
        ++p_;
        v &= xor_expr();
      } else if (primary_starts()) {
        v &= xor_expr();
      } else {
        return v;
      }
    }
  }
  uint64_t xor_expr() {
    uint64_t v = unary();
    while (peek('^')) {
      ++p_;
      v ^= unary();
    }
    return v;
  }
  uint64_t unary() {
    if (peek('!')) {  // a run of '!' in a loop, not by recursion
      bool invert = false;
      while (peek('!')) {
        ++p_;
        invert = !invert;
      }
      const uint64_t v = unary();
      return invert ? ~v & mask() : v;
    }
    uint64_t v = primary();
    while (peek('\'')) {
      ++p_;
      v = ~v & mask();
    }
    return v;
  }
  uint64_t primary() {
    skip();
    if (p_ >= f_.size()) fail("unexpected end");
    if (f_[p_] == '(') {
      if (++depth_ > kMaxNesting) fail("parentheses nested deeper than " + std::to_string(kMaxNesting) + " levels");
      ++p_;
      const uint64_t v = or_expr();
      if (!peek(')')) fail("missing ')'");
      ++p_;
      --depth_;
      return v;
    }
    const size_t start = p_;
    while (p_ < f_.size() && (std::isalnum((unsigned char)f_[p_]) || std::string("_[].").find(f_[p_]) != std::string::npos))
      ++p_;
    const std::string id = f_.substr(start, p_ - start);
    if (id.empty()) fail("unexpected '" + f_.substr(p_, 1) + "'");
    if (id == "0") return 0;
    if (id == "1") return mask();
    for (size_t j = 0; j < in_.size(); ++j) {
      if (in_[j] != id) continue;
      uint64_t t = 0;
      for (uint64_t k = 0; k < (uint64_t{1} << in_.size()); ++k)
        if ((k >> j) & 1) t |= uint64_t{1} << k;
      return t;
    }
    fail("unknown pin '" + shown(id) + "'");
  }

  const std::string& f_;
  const std::vector<std::string>& in_;
  size_t p_ = 0;
  int depth_ = 0;  ///< parentheses open
};

} // namespace

uint64_t truth_table(const std::string& function, const std::vector<std::string>& inputs) {
  if (inputs.size() > 6) throw InputError("function \"" + shown(function) + "\": more than 6 inputs");
  return Expr(function, inputs).table();
}

Liberty Liberty::parse(const std::string& text, const std::string& source) {
  const auto lib = Parser(text, source).library();
  Liberty out;
  out.name = lib->args.empty() ? "" : lib->args[0];
  for (const auto& g : lib->children) {
    if (g->name != "cell" || g->args.empty()) continue;
    LibCell cell;
    const std::string area = attr(*g, "area");
    cell.area = area.empty() ? 0.0 : std::strtod(area.c_str(), nullptr);
    cell.dont_use = attr(*g, "dont_use") == "true";
    for (const auto& c : g->children) {
      if (c->name != "pin") {
        cell.sequential = true;  // ff, latch, ff_bank, latch_bank, statetable
        continue;
      }
      const std::string dir = attr(*c, "direction");
      for (const auto& t : c->children) cell.timed = cell.timed || t->name == "timing";
      for (const auto& pin : c->args) {
        if (dir == "input") cell.inputs.push_back(pin);
        else if (dir == "output" || dir == "inout") cell.outputs[pin] = attr(*c, "function");
      }
    }
    out.cells[g->args[0]] = std::move(cell);
  }
  if (out.cells.empty()) throw InputError(printable(source) + ": no cells in library " + shown(out.name));
  return out;
}

Liberty Liberty::from_file(const std::string& path) {
  return parse(read_input_file(path, "Liberty file", kMaxLibertyBytes), path);
}

std::optional<AdderCell> Liberty::adder(int n) const {
  const uint64_t sum = n == 3 ? 0x96 : 0x6, carry = n == 3 ? 0xE8 : 0x8;
  std::optional<AdderCell> best;
  for (const auto& [name, c] : cells) {
    if (c.sequential || c.dont_use || int(c.inputs.size()) != n || c.outputs.size() != 2) continue;
    AdderCell a{name, c.inputs, "", ""};
    for (const auto& [pin, f] : c.outputs) {
      if (f.empty()) continue;
      uint64_t t = 0;
      try {
        t = truth_table(f, c.inputs);
      } catch (const InputError&) {
        continue;  // a function of other pins (pads, tristates): not an adder output
      }
      if (t == sum) a.sum = pin;
      if (t == carry) a.carry = pin;
    }
    if (a.sum.empty() || a.carry.empty()) continue;
    if (!best || c.area < cells.at(best->cell).area) best = a;
  }
  return best;
}

bool Liberty::has_timing() const {
  for (const auto& c : cells)
    if (c.second.timed) return true;
  return false;
}

std::string Liberty::nand2() const {
  std::string best;
  for (const auto& [name, c] : cells) {
    if (c.dont_use || c.sequential || c.inputs.size() != 2 || c.outputs.size() != 1) continue;
    const std::string& f = c.outputs.begin()->second;
    if (f.empty()) continue;
    uint64_t t = 0;
    try {
      t = truth_table(f, c.inputs);
    } catch (const InputError&) {
      continue;  // a function this reader cannot evaluate is not the NAND2
    }
    if (t == 0x7 && (best.empty() || c.area < cells.at(best).area)) best = name;
  }
  return best;
}

const std::string& generic_liberty_text() {
  static const std::string text = [] {
    const auto& files = embedded_liberty();
    const auto it = files.find("cimgen_generic.lib");
    if (it == files.end()) throw std::logic_error("cimgen_generic.lib is not compiled in");
    return it->second;
  }();
  return text;
}

} // namespace cimgen
