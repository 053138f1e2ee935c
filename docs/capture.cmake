# Runs a program and stores its standard output, failing if it fails: the tutorial embeds the
# output of its examples, so a broken example must break the docs build, not show stale text.
#   cmake -DPROGRAM=<exe> -DOUTPUT=<file> [-DARGS=<arg;...>] -P capture.cmake
execute_process(COMMAND ${PROGRAM} ${ARGS} OUTPUT_VARIABLE out ERROR_VARIABLE err
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} failed (${status}):\n${out}${err}")
endif()
file(WRITE ${OUTPUT} "${out}")
