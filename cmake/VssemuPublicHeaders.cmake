# The public include tree: every header a consumer may include is reached as
# <vssemu/...>, in the build tree and installed alike (docs/cmake.md).
#
# The harness API lives in emulator/include/vssemu/ already. Headers that
# live beside their sources (fixtures/, emulator/scenario/, ...) are linked
# into ${VSSEMU_PUBLIC_INCLUDE_DIR}/vssemu/<folder>/ at configure time
# (copied where the host cannot make symbolic links) and installed to
# include/vssemu/<folder>/; they include each other as <vssemu/...> too.
include_guard(GLOBAL)
include(GNUInstallDirs)

set(VSSEMU_PUBLIC_INCLUDE_DIR ${PROJECT_BINARY_DIR}/include)

# vssemu_public_headers(<folder> <header>...): makes each header (a path
# relative to the current source folder) reachable as
# <vssemu/<folder>/<file name>>.
function(vssemu_public_headers folder)
  foreach(header IN LISTS ARGN)
    get_filename_component(source ${header} ABSOLUTE)
    get_filename_component(name ${header} NAME)
    set(link ${VSSEMU_PUBLIC_INCLUDE_DIR}/vssemu/${folder}/${name})
    get_filename_component(link_dir ${link} DIRECTORY)
    file(MAKE_DIRECTORY ${link_dir})
    file(CREATE_LINK ${source} ${link} SYMBOLIC COPY_ON_ERROR)
    if(VSSEMU_INSTALL)
      install(FILES ${source} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/vssemu/${folder})
    endif()
  endforeach()
endfunction()
