# The Debian libraries gtmlint builds on (fmt, Abseil's hash maps, RE2, pugixml), as one target:
# gtm_libraries. Included from the top level, so that the targets it finds are seen everywhere.
#
# With GTM_STATIC (the default) the gtmlint executable is linked statically. A pre-commit hook
# pays start-up on every commit, and loading and relocating fifteen shared objects is much of a
# small check (docs/performance.md, "Start-up"). Debian ships Abseil, RE2 and pugixml as static
# archives too, found here through `pkg-config --static`; fmt it ships as a shared library
# only, so the static build uses fmt's header-only form (fmt::fmt-header-only, from the same
# package).
# Sanitizer and fuzzing builds link dynamically: their runtimes need it.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(fmt REQUIRED)

add_library(gtm_libraries INTERFACE)
if(GTM_STATIC)
  pkg_check_modules(STATIC_LIBRARIES REQUIRED absl_flat_hash_map absl_hash re2 pugixml)
  target_link_libraries(gtm_libraries
    INTERFACE fmt::fmt-header-only ${STATIC_LIBRARIES_STATIC_LDFLAGS} Threads::Threads)
else()
  pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
  find_package(absl REQUIRED)
  find_package(pugixml REQUIRED)
  target_link_libraries(gtm_libraries
    INTERFACE fmt::fmt absl::flat_hash_map absl::hash PkgConfig::RE2 pugixml::pugixml
              Threads::Threads)
endif()
