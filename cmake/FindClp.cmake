# FindClp — COIN-OR Clp, the LP solver of the selection's branch-and-price (Debian
# coinor-libclp-dev ships a pkg-config file clp.pc, no CMake package). Defines the imported
# target Clp::Clp. Installed beside koersConfig.cmake, so that find_package(koers) finds it for
# a static koers.
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(PC_CLP QUIET clp)
endif()
find_path(CLP_INCLUDE_DIR NAMES ClpSimplex.hpp HINTS ${PC_CLP_INCLUDE_DIRS} PATH_SUFFIXES coin)
find_library(CLP_LIBRARY NAMES Clp HINTS ${PC_CLP_LIBRARY_DIRS})
find_library(CLP_COINUTILS_LIBRARY NAMES CoinUtils HINTS ${PC_CLP_LIBRARY_DIRS})
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Clp REQUIRED_VARS CLP_LIBRARY CLP_COINUTILS_LIBRARY CLP_INCLUDE_DIR)
if(Clp_FOUND AND NOT TARGET Clp::Clp)
  add_library(Clp::Clp UNKNOWN IMPORTED)
  set_target_properties(Clp::Clp PROPERTIES
    IMPORTED_LOCATION "${CLP_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${CLP_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${CLP_COINUTILS_LIBRARY}")
endif()
mark_as_advanced(CLP_INCLUDE_DIR CLP_LIBRARY CLP_COINUTILS_LIBRARY)
