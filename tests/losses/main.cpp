// The test module of losses over datasets: vector parameters, data symbols, the model zoo.
#define BOOST_TEST_MODULE nabla losses
#include <boost/test/unit_test.hpp>
