# Runs `vssemu run --junit` on scenarios that pass, fail, fail to load and
# need the test's own requester, then checks the report: valid against
# tests/tools/data/junit.xsd (xmllint), a time on every testsuite and
# testcase, class names without dots, the seed of every suite, and the
# trace's tail in a failing case's system-out.
set(report ${WORK}/vssemu-junit-report.xml)
file(REMOVE ${report})
execute_process(COMMAND ${EMULATOR} ${CMD} run --quiet --junit ${report}
                        scenarios/timeout/freeze-window-expires.xml
                        tests/tools/data/failing-expectation.xml
                        tests/tools/data/malformed.xml
                        examples/requester_developer/scenarios/three-writers.xml
                WORKING_DIRECTORY ${SOURCE} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT EXISTS ${report})
  message(FATAL_ERROR "no report written (exit ${rc})\n${out}${err}")
endif()
execute_process(COMMAND xmllint --noout --schema ${SOURCE}/tests/tools/data/junit.xsd ${report}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(READ ${report} xml)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the report is not valid JUnit XML:\n${err}\n${xml}")
endif()
foreach(expected
    "<testsuites name=\"vssemu scenarios\" tests=\"4\" failures=\"1\" errors=\"1\" skipped=\"1\" time=\"[0-9.]+\">"
    "<testsuite name=\"freeze-window-expires\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"[0-9]+[.][0-9][0-9][0-9]\">"
    "<property name=\"vssemu_seed\" value=\"[0-9]+\"/>"
    "<testcase classname=\"scenarios/timeout/freeze-window-expires\" name=\"freeze-window-expires\" time=\"[0-9.]+\">"
    "<testcase classname=\"tests/tools/data/failing-expectation\"[^>]*>\n *<failure message=\"[^\"]+\" type=\"expectation\">"
    "<system-out>[^<]*seed [0-9]+\n--- the trace's last lines ---\n[0-9]+[.][0-9]+ [a-z]"
    "<error message=\"load error\" type=\"load\">"
    "<skipped message=\"[^\"]*its requester is the test&apos;s own code|<skipped message=\"[^\"]*its requester is the test's own code")
  if(NOT xml MATCHES "${expected}")
    message(FATAL_ERROR "the report has no match for ${expected}:\n${xml}")
  endif()
endforeach()
string(REGEX MATCHALL "classname=\"[^\"]*\"" classnames "${xml}")
foreach(classname IN LISTS classnames)
  if(classname MATCHES "[.]")
    message(FATAL_ERROR "a class name with a dot: ${classname}")
  endif()
endforeach()
