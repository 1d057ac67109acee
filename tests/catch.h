// Catch2 v2 (Debian 12) ships catch2/catch.hpp; v3 (Ubuntu 24.04) ships catch_all.hpp.
#ifndef KUBESHIFT_TESTS_CATCH_H_
#define KUBESHIFT_TESTS_CATCH_H_
#if __has_include(<catch2/catch_all.hpp>)
#include <catch2/catch_all.hpp>
#else
#include <catch2/catch.hpp>
#endif
#endif  // KUBESHIFT_TESTS_CATCH_H_
