// Moré–Garbow–Hillstrom problems defined by data points: 9, 11, 12, 16, 18, 20
// (problems/mgh_data.hpp; Gulf and Watson sum over the rows of a dataset).
#include "mgh_harness.hpp"

#include <nabla/problems/mgh_data.hpp>

using boost::unit_test::expected_failures;

BOOST_AUTO_TEST_SUITE(mgh)
NABLA_MGH_CASE(gaussian)
NABLA_MGH_CASE(gulf)
NABLA_MGH_CASE(box_3d)
NABLA_MGH_CASE(brown_dennis)
// Known gap (measured): the standard start has x1 = x5 and x3 = x6, L-BFGS's gradient steps keep
// them equal, and it converges to f = 5.65565e-3, the best fit of that symmetric family, which
// the literature lists as a local minimum but is a saddle point (the Hessian there has the
// eigenvalue -0.0098). Newton and trust-region Newton leave it and reach the global minimum 0,
// so L-BFGS neither reaches the target nor avoids a false success: two failed checks.
NABLA_MGH_CASE(biggs_exp6, *expected_failures(2))
NABLA_MGH_CASE(watson)
BOOST_AUTO_TEST_SUITE_END()
