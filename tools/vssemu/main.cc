// vssemu: the command line of the VSS emulator (see cli.cc).
#include "vssemu/commands.h"

int main(int argc, char** argv) { return vssemu::tools::RunVssemu(argc, argv); }
