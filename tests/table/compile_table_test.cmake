# kubeshift_table_compile (src/table/compile_table.cc) fails on an invalid data file with the
# loader's FILE:LINE message, so a bad deprecations.d file fails the build; on valid files it
# writes the rows.
#
#   cmake -DTOOL=<kubeshift_table_compile> -DWORK=<scratch dir> -P compile_table_test.cmake
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
file(WRITE "${WORK}/good.yaml" "component: kubernetes
apis:
  - apiVersion: extensions/v1beta1
    kind: Ingress
    removedIn: \"1.22\"
    note: \"quotes \\\" and a backslash \\\\ survive\"
")
file(WRITE "${WORK}/bad.yaml" "component: kubernetes
apis:
  - apiVersion: extensions/v1beta1
    kind: Ingress
    removedIn: 1.22
")

execute_process(COMMAND "${TOOL}" "${WORK}/out.cc" "${WORK}/good.yaml"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "a valid file was rejected (${rc}): ${err}")
endif()
file(READ "${WORK}/out.cc" out)
string(FIND "${out}" "std::string_view(\"quotes \\\" and a backslash \\\\ survive\", 34)" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the note is not in the output:\n${out}")
endif()

execute_process(COMMAND "${TOOL}" "${WORK}/out2.cc" "${WORK}/good.yaml" "${WORK}/bad.yaml"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
set(expected "${WORK}/bad.yaml:5: version in 'removedIn' must be quoted: \"1.22\"\n")
if(rc EQUAL 0 OR NOT err STREQUAL expected)
  message(FATAL_ERROR "expected a failure with\n${expected}got (${rc}):\n${err}")
endif()
