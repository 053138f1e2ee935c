// Moré–Garbow–Hillstrom problems 23, 24, 25, 26, 35 (problems/mgh_functions.hpp).
#include "mgh_harness.hpp"

#include <nabla/problems/mgh_functions.hpp>

using boost::unit_test::expected_failures;

BOOST_AUTO_TEST_SUITE(mgh)
// Known gaps (measured): on Penalty I and II the Moré–Wild target is loose (f(x0) - f_L is 885
// and 2.3 against minima of 2.2e-5 and 9.4e-6), and every solver reaches it early, then spends
// 3.7x to 28x as many evaluations approaching the minimum through an ill-conditioned valley
// before its gradient test holds: L-BFGS 13/72 and 89/423, Newton 17/75 and 13/251,
// trust-region Newton 19/70 and 13/368 (evaluations to target / in all).
NABLA_MGH_CASE(penalty_1, *expected_failures(3))
NABLA_MGH_CASE(penalty_2, *expected_failures(3))
NABLA_MGH_CASE(variably_dimensioned)
NABLA_MGH_CASE(trigonometric)
NABLA_MGH_CASE(chebyquad)
BOOST_AUTO_TEST_SUITE_END()
