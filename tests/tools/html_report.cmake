# Renders `vssemu run --report` pages in headless Chromium and compares what
# it shows with the run: one sequence row per trace line (the count from
# the JSON end line), a lifeline per participant, every expectation with its
# result, the verdict. CHROMIUM empty: skipped (exit 77).
if(NOT CHROMIUM)
  message("chromium is not installed (.ci/install-deps --browser): skipped")
  cmake_language(EXIT 77)
endif()
set(dir ${WORK}/html-report)
file(REMOVE_RECURSE ${dir})

function(check scenario stem held failed)
  execute_process(COMMAND ${CMD} run --quiet --report ${dir} ${scenario}
                  WORKING_DIRECTORY ${SOURCE} OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT EXISTS ${dir}/${stem}.html)
    message(FATAL_ERROR "no page for ${scenario}:\n${out}${err}")
  endif()
  execute_process(COMMAND ${CMD} run --format json ${scenario}
                  WORKING_DIRECTORY ${SOURCE} OUTPUT_VARIABLE json ERROR_VARIABLE err)
  string(REGEX MATCH "\"kind\":\"end\",\"events\":([0-9]+)" end "${json}")
  set(events ${CMAKE_MATCH_1})
  execute_process(COMMAND ${CHROMIUM} --headless --no-sandbox --disable-gpu
                          --user-data-dir=${dir}/profile --dump-dom file://${dir}/${stem}.html
                  OUTPUT_VARIABLE dom ERROR_VARIABLE err RESULT_VARIABLE rc TIMEOUT 120)
  if(NOT rc EQUAL 0 OR NOT dom MATCHES "</html>")
    message(FATAL_ERROR "chromium did not render ${stem}.html (${rc}):\n${err}")
  endif()
  string(REGEX MATCHALL "<g class=\"row\" data-kind=" rows "${dom}")
  list(LENGTH rows row_count)
  if(NOT row_count EQUAL events)
    message(FATAL_ERROR "${stem}: ${row_count} sequence rows shown, the trace has ${events} lines")
  endif()
  string(REGEX MATCHALL "class=\"expectation held\"" held_rows "${dom}")
  string(REGEX MATCHALL "class=\"expectation failed\"" failed_rows "${dom}")
  list(LENGTH held_rows held_count)
  list(LENGTH failed_rows failed_count)
  if(NOT held_count EQUAL held OR NOT failed_count EQUAL failed)
    message(FATAL_ERROR "${stem}: ${held_count} held and ${failed_count} failed expectations shown, "
                        "expected ${held} and ${failed}")
  endif()
  # Every participant of the trace has a lifeline.
  string(REGEX MATCHALL "\"writer\":\"[A-Za-z0-9_]+\"" writers "${json}")
  if(writers STREQUAL "")
    message(FATAL_ERROR "${stem}: no writer found in the trace")
  endif()
  foreach(writer IN LISTS writers)
    string(REGEX REPLACE "\"writer\":\"([^\"]+)\"" "\\1" name "${writer}")
    if(NOT dom MATCHES "<g class=\"participant\" data-name=\"${name}\">")
      message(FATAL_ERROR "${stem}: no lifeline for ${name}")
    endif()
  endforeach()
  if(NOT dom MATCHES "<p class=\"verdict (ok|failed)\">verdict: ")
    message(FATAL_ERROR "${stem}: no verdict shown")
  endif()
endfunction()

check(scenarios/timeout/freeze-window-expires.xml freeze-window-expires 4 0)
check(tests/tools/data/failing-expectation.xml failing-expectation 0 1)
