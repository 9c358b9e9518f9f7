# koers_warnings(<target>): the warning flags every koers target builds with — the library, the
# Python module _core, each test executable and the consumer example. KOERS_WERROR=ON (CI and
# `make test`) makes them errors. Third-party headers (Boost, Eigen, pybind11, Catch2,
# nlohmann_json) come in through imported targets, whose include directories are SYSTEM, so their
# warnings are not ours to see.
option(KOERS_WERROR "Treat compiler warnings as errors (CI and make test turn it on)" OFF)

function(koers_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    # GCC 12's -Wrestrict reports overlapping memcpy inside libstdc++'s std::string (operator+,
    # insert, replace) where none can happen: GCC bug 105651, fixed in GCC 13
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
      target_compile_options(${target} PRIVATE -Wno-restrict)
    endif()
    if(KOERS_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  elseif(MSVC)
    target_compile_options(${target} PRIVATE /W4)
    if(KOERS_WERROR)
      target_compile_options(${target} PRIVATE /WX)
    endif()
  endif()
endfunction()
