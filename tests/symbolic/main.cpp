// The one translation unit that defines the Boost.Test module of the symbolic tests.
#define BOOST_TEST_MODULE nabla symbolic
#include <boost/test/unit_test.hpp>
