# Checks that dependencies point one way, as the libraries are linked: common/ includes only
# common/; indexer/ and searcher/ never include each other; server/ (news-serve) may use
# searcher/ but not indexer/, and nothing else uses server/; inside each, a stage includes only
# common/, the shared types at its root and stages up to its own. Run by CTest:
#   cmake -DSOURCE_DIR=<repository> -P tests/check_layering.cmake
set(indexer_stages read clean dedup extract write)
set(indexer_types processed_article.hpp removal.hpp stage_times.hpp)
set(searcher_stages parse match facets snippets spelling render export)
set(searcher_types options.hpp search_result.hpp)

# The position of `path` (relative to the repository) in its binary's stage order: the
# stage's index, the number of stages for the root (which knows every stage), or -1 for a
# shared type at the root.
function(stage_of path stages types out)
  string(REGEX MATCH "^[a-z]+/([a-z_]+)/" folder "${path}")
  if(folder)
    list(FIND stages "${CMAKE_MATCH_1}" index)
  else()
    get_filename_component(name "${path}" NAME)
    list(FIND types "${name}" is_type)
    if(is_type GREATER -1)
      set(index -1)
    else()
      list(LENGTH stages index)
    endif()
  endif()
  set(${out} ${index} PARENT_SCOPE)
endfunction()

set(problems "")
file(GLOB_RECURSE sources RELATIVE "${SOURCE_DIR}"
     "${SOURCE_DIR}/common/*.?pp" "${SOURCE_DIR}/indexer/*.?pp" "${SOURCE_DIR}/searcher/*.?pp"
     "${SOURCE_DIR}/server/*.?pp")
foreach(source IN LISTS sources)
  file(STRINGS "${SOURCE_DIR}/${source}" includes REGEX "^#include \"")
  string(REGEX MATCH "^[a-z]+" binary "${source}")
  foreach(line IN LISTS includes)
    string(REGEX REPLACE "^#include \"([^\"]+)\".*" "\\1" included "${line}")
    string(REGEX MATCH "^[a-z]+" target "${included}")
    if(NOT target MATCHES "^(common|indexer|searcher|server)$")
      continue()
    endif()
    if(target STREQUAL "common" OR (binary STREQUAL "server" AND target MATCHES "^(searcher|server)$"))
      continue()
    endif()
    if(NOT binary STREQUAL target)
      list(APPEND problems "${source} includes ${included}: ${binary}/ must not use ${target}/")
      continue()
    endif()
    stage_of("${source}" "${${binary}_stages}" "${${binary}_types}" from)
    stage_of("${included}" "${${binary}_stages}" "${${binary}_types}" to)
    if(from EQUAL -1 AND NOT to EQUAL -1)
      list(APPEND problems "${source} includes ${included}: a shared type must not depend on a stage")
    elseif(to GREATER from)
      list(APPEND problems "${source} includes ${included}: a stage must not use a later stage")
    endif()
  endforeach()
endforeach()

if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "layering broken:\n  ${text}")
endif()
list(LENGTH sources count)
message(STATUS "layering holds in ${count} files")
