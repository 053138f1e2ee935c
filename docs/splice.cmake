# Builds the tutorial page from docs/tutorial.md: each directive (an HTML comment, invisible where
# the source is rendered as is) is replaced by text taken from the compiled examples, so that no
# snippet or output in the page can drift from the code.
#
#   <!-- snippet: FILE NAME -->   the lines of examples/FILE between two `// [NAME]` markers
#   <!-- output: PROGRAM -->      the standard output of examples/PROGRAM, captured at build time
#   <!-- math: PROGRAM -->        each output line `latex: TEX` of PROGRAM, typeset by MathJax
#
#   cmake -DTEMPLATE=<md> -DOUTPUT=<md> -DEXAMPLES=<dir> -DCAPTURED=<dir> -P splice.cmake
file(READ ${TEMPLATE} page)

function(read_captured program out)
    set(file ${CAPTURED}/${program}.txt)
    if(NOT EXISTS ${file})
        message(FATAL_ERROR "splice: no captured output for ${program} (${file})")
    endif()
    file(READ ${file} text)
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

string(REGEX MATCHALL "<!-- snippet: [^ ]+ [^ ]+ -->" directives "${page}")
foreach(directive IN LISTS directives)
    string(REGEX REPLACE "<!-- snippet: ([^ ]+) ([^ ]+) -->" "\\1" file "${directive}")
    string(REGEX REPLACE "<!-- snippet: ([^ ]+) ([^ ]+) -->" "\\2" name "${directive}")
    file(READ ${EXAMPLES}/${file} source)
    set(marker "// [${name}]")
    string(FIND "${source}" "${marker}" first)
    if(first EQUAL -1)
        message(FATAL_ERROR "splice: no marker ${marker} in examples/${file}")
    endif()
    string(SUBSTRING "${source}" ${first} -1 rest)
    string(FIND "${rest}" "\n" eol)
    math(EXPR eol "${eol} + 1")
    string(SUBSTRING "${rest}" ${eol} -1 rest)
    string(FIND "${rest}" "${marker}" second)
    if(second EQUAL -1)
        message(FATAL_ERROR "splice: marker ${marker} in examples/${file} is not closed")
    endif()
    string(SUBSTRING "${rest}" 0 ${second} code)
    # Drop the closing marker's indentation, then the snippet's common indentation.
    string(REGEX REPLACE "\n[ ]+$" "\n" code "${code}")
    string(REGEX MATCH "^[ ]+" indent "${code}")
    if(NOT indent STREQUAL "")
        # Line by line through "\n": CMake's `^` matches anew after every replacement, so a
        # pattern anchored with it would strip a continuation line's indentation repeatedly.
        string(REPLACE "\n${indent}" "\n" code "\n${code}")
        string(SUBSTRING "${code}" 1 -1 code)
    endif()
    string(REPLACE "${directive}" "```cpp\n${code}```" page "${page}")
endforeach()

string(REGEX MATCHALL "<!-- output: [^ ]+ -->" directives "${page}")
foreach(directive IN LISTS directives)
    string(REGEX REPLACE "<!-- output: ([^ ]+) -->" "\\1" program "${directive}")
    read_captured(${program} text)
    string(REPLACE "${directive}" "```text\n${text}```" page "${page}")
endforeach()

string(REGEX MATCHALL "<!-- math: [^ ]+ -->" directives "${page}")
foreach(directive IN LISTS directives)
    string(REGEX REPLACE "<!-- math: ([^ ]+) -->" "\\1" program "${directive}")
    read_captured(${program} text)
    string(REGEX MATCHALL "latex: [^\n]*" lines "${text}")
    if(lines STREQUAL "")
        message(FATAL_ERROR "splice: ${program} prints no `latex:` line")
    endif()
    set(math "")
    foreach(line IN LISTS lines)
        string(REGEX REPLACE "^latex: " "" tex "${line}")
        string(APPEND math "\\f[ ${tex} \\f]\n\n")
    endforeach()
    string(REPLACE "${directive}" "${math}" page "${page}")
endforeach()

if(page MATCHES "<!-- (snippet|output|math):")
    message(FATAL_ERROR "splice: a directive in ${TEMPLATE} is malformed")
endif()
file(WRITE ${OUTPUT} "${page}")
