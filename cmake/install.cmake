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
