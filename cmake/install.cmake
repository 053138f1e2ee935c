include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS nabla_symbolic nabla_solvers nabla_nabla EXPORT nabla-targets)
install(DIRECTORY include/ symbolic/include/ solvers/include/
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT nabla-targets NAMESPACE nabla::
        DESTINATION ${CMAKE_INSTALL_DATADIR}/nabla/cmake)

configure_package_config_file(cmake/nabla-config.cmake.in
    ${CMAKE_CURRENT_BINARY_DIR}/nabla-config.cmake
    INSTALL_DESTINATION ${CMAKE_INSTALL_DATADIR}/nabla/cmake)
# Header-only: any architecture may consume the package.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/nabla-config-version.cmake
    COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/nabla-config.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/nabla-config-version.cmake
              ${CMAKE_CURRENT_SOURCE_DIR}/cmake/nabla-find-xsimd.cmake
        DESTINATION ${CMAKE_INSTALL_DATADIR}/nabla/cmake)

# pkg-config, for builds without CMake. Header-only, so the file goes to the
# architecture-independent ${datadir}/pkgconfig; it locates the prefix relative to itself.
# Boost has no pkg-config file on Debian: its headers are found in the default include path.
set(nabla_pc_dir ${CMAKE_INSTALL_DATADIR}/pkgconfig)
file(RELATIVE_PATH nabla_pc_prefix_relative /${nabla_pc_dir} /)
string(REGEX REPLACE "/$" "" nabla_pc_prefix_relative "${nabla_pc_prefix_relative}")
configure_file(cmake/nabla.pc.in ${CMAKE_CURRENT_BINARY_DIR}/nabla.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/nabla.pc DESTINATION ${nabla_pc_dir})
