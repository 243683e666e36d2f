# Writes OUT: a C++ source whose function FUNC (declared in HEADER) maps each file name of
# SRC_DIR matching GLOB to its text.
# Usage: cmake -DOUT=file.cpp -DSRC_DIR=dir -DGLOB=*.tpl -DFUNC=embedded_templates -DHEADER=template.hpp -P embed_templates.cmake
file(GLOB tpls "${SRC_DIR}/${GLOB}")
list(SORT tpls)
set(body "// Generated from ${GLOB} files by cmake/embed_templates.cmake. Do not edit.\n#include \"${HEADER}\"\nnamespace cimgen {\nconst std::map<std::string, std::string>& ${FUNC}() {\n  static const std::map<std::string, std::string> t = {\n")
foreach(path ${tpls})
  get_filename_component(f "${path}" NAME)
  file(READ "${path}" text)
  string(APPEND body "    {\"${f}\", R\"CIMGEN_TPL(${text})CIMGEN_TPL\"},\n")
endforeach()
string(APPEND body "  };\n  return t;\n}\n} // namespace cimgen\n")
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
  if(old STREQUAL body)
    return()
  endif()
endif()
file(WRITE "${OUT}" "${body}")
