// The drop-in vssapi library's start: when loaded, its process default
// emulator is the one the environment describes (dropin_session.h).
#include "dropin/dropin_session.h"
#include "harness/current_emulator.h"

namespace {

const bool g_maker_installed = [] {
  vssemu::harness::SetProcessDefaultMaker(&vssemu::dropin::MakeProcessEmulator);
  return true;
}();

}  // namespace
