# Runs Doxygen and fails on any warning, printing the log: WARN_LOGFILE sends warnings to a file
# (so that they can be counted), which would otherwise hide them from the person building.
#   cmake -DDOXYGEN=<exe> -DDOXYFILE=<file> -DLOG=<warning log> -P run_doxygen.cmake
file(REMOVE ${LOG})
execute_process(COMMAND ${DOXYGEN} ${DOXYFILE} RESULT_VARIABLE status)
set(warnings "")
if(EXISTS ${LOG})
    file(READ ${LOG} warnings)
endif()
if(NOT status EQUAL 0 OR NOT warnings STREQUAL "")
    message(FATAL_ERROR "Doxygen warnings (the docs build treats them as errors):\n${warnings}")
endif()
