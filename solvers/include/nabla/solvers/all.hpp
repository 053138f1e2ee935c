#ifndef NABLA_SOLVERS_ALL_HPP
#define NABLA_SOLVERS_ALL_HPP

//! \file
//! \brief Every solver, line search and Frank-Wolfe oracle of nabla::solvers.

#include <nabla/solvers/adagrad.hpp>
#include <nabla/solvers/adam.hpp>
#include <nabla/solvers/away_step_frank_wolfe.hpp>
#include <nabla/solvers/bfgs.hpp>
#include <nabla/solvers/callbacks.hpp>
#include <nabla/solvers/first_order_method.hpp>
#include <nabla/solvers/first_order_options.hpp>
#include <nabla/solvers/frank_wolfe.hpp>
#include <nabla/solvers/gradient_descent.hpp>
#include <nabla/solvers/lbfgs.hpp>
#include <nabla/solvers/line_search/backtracking.hpp>
#include <nabla/solvers/line_search/strong_wolfe.hpp>
#include <nabla/solvers/momentum.hpp>
#include <nabla/solvers/natural_gradient.hpp>
#include <nabla/solvers/nesterov.hpp>
#include <nabla/solvers/newton.hpp>
#include <nabla/solvers/objective.hpp>
#include <nabla/solvers/result.hpp>
#include <nabla/solvers/rmsprop.hpp>
#include <nabla/solvers/sgd.hpp>
#include <nabla/solvers/stochastic_options.hpp>
#include <nabla/solvers/stopping.hpp>
#include <nabla/solvers/subgradient.hpp>
#include <nabla/solvers/trust_region_newton.hpp>
#include <nabla/solvers/vector_ops.hpp>

#endif // NABLA_SOLVERS_ALL_HPP
