//! \file
//! \brief Everything of nabla's solver layer: objectives (hand-written or generated from
//! expressions by `nabla::objective`), solvers, line searches, Frank-Wolfe oracles, results.
#ifndef NABLA_SOLVERS_HPP
#define NABLA_SOLVERS_HPP

#include <nabla/solvers/all.hpp>
#include <nabla/solvers/expression_objective.hpp>

#endif // NABLA_SOLVERS_HPP
