# Debian 12's xsimd 8.1 exports a target that links "xtl", a package Debian does not ship (xsimd
# only needs it for xtl's complex numbers, which nabla does not use). An empty stand-in target
# lets the export resolve; where a real xtl package is installed, it is used instead.
if(NOT TARGET xtl)
    find_package(xtl QUIET CONFIG)
    if(NOT TARGET xtl)
        add_library(xtl INTERFACE IMPORTED)
    endif()
endif()
find_package(xsimd 8 REQUIRED CONFIG)
