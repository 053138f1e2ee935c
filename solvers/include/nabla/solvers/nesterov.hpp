#ifndef NABLA_SOLVERS_NESTEROV_HPP
#define NABLA_SOLVERS_NESTEROV_HPP

//! \file
//! \brief Nesterov accelerated gradient (Sutskever form).

#include <nabla/solvers/first_order_method.hpp>
#include <nabla/solvers/momentum.hpp>

namespace nabla::solvers {

//! \brief Parameters of nesterov: those of momentum (errors name `nesterov_params`).
using nesterov_params = momentum_params;

//! \brief Nesterov momentum in the form that evaluates the gradient at the iterate itself:
//! \f$ v_{k+1} = \mu v_k - \eta \nabla f(x_k) \f$,
//! \f$ x_{k+1} = x_k - \mu v_k + (1+\mu) v_{k+1} \f$ (the iterate is the look-ahead point).
//!
//! Like momentum, with a correction that damps oscillation; accelerated \f$ O(1/k^2) \f$ rate on
//! smooth convex problems for a suitable schedule.
//! \code
//! auto r = nabla::solvers::nesterov{{.learning_rate = 0.05}}.minimize(f, x0);
//! \endcode
using nesterov = first_order_method<heavy_ball_rule<true>>;

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_NESTEROV_HPP
