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
// Known gap (measured): line-search Newton drifts along a valley at f = 0.2429 and stops at its
// 200-iteration limit (an honest status, not a false success), so it neither solves the problem
// nor uses fewer gradients than L-BFGS (207 against 68); L-BFGS ends at the reported local
// minimum 5.65565e-3. Trust-region Newton finds the global minimum 0, after 313 of its 327
// evaluations, which is past 3x the evaluations to the target set by the local minimum.
NABLA_MGH_CASE(biggs_exp6, *expected_failures(3))
NABLA_MGH_CASE(watson)
BOOST_AUTO_TEST_SUITE_END()
