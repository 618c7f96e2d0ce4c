# Runs CMD with ARGS (a ;-list, which writes trace hashes to OUTPUT with
# --hashes), through EMULATOR (Wine) when cross-built, and fails unless it
# exits with 0 and OUTPUT equals EXPECTED line for line: every scenario of
# the corpus still produces its recorded trace, byte for byte. A change that
# means to change traces records the new hashes with
#   build/tools/vssemu run scenarios --quiet --hashes tests/scenario/corpus-hashes.txt
cmake_policy(SET CMP0057 NEW)  # if(... IN_LIST ...) in a -P script.
include(${CMAKE_CURRENT_LIST_DIR}/run_writing.cmake)
# Lines without carriage returns (a Windows build writes them).
function(read_lines file out)
  file(READ ${file} text)
  string(REPLACE "\r" "" text "${text}")
  string(REGEX REPLACE "\n$" "" text "${text}")
  string(REPLACE "\n" ";" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()
read_lines(${OUTPUT} written)
read_lines(${EXPECTED} expected)
if(NOT written STREQUAL expected)
  set(changed "")
  foreach(line IN LISTS written)
    if(NOT line IN_LIST expected)
      string(APPEND changed "  now ${line}\n")
    endif()
  endforeach()
  foreach(line IN LISTS expected)
    if(NOT line IN_LIST written)
      string(APPEND changed "  was ${line}\n")
    endif()
  endforeach()
  message(FATAL_ERROR "trace hashes differ from ${EXPECTED}:\n${changed}")
endif()
