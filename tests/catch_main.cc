// Catch2's main, for a Catch2 v2 package that does not ship Catch2::Catch2WithMain (it is built
// only with CATCH_BUILD_STATIC_LIBRARY since 2.13.5); v3 and Debian 12's v2 ship it.
#define CATCH_CONFIG_MAIN
#include "catch.h"
