#ifndef NABLA_SOLVERS_MOMENTUM_HPP
#define NABLA_SOLVERS_MOMENTUM_HPP

//! \file
//! \brief Gradient descent with heavy-ball (Polyak) momentum, and the update rule it shares with
//! nesterov.

#include <nabla/solvers/first_order_method.hpp>
#include <nabla/solvers/first_order_options.hpp>
#include <nabla/solvers/params.hpp>
#include <nabla/solvers/stopping.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace nabla::solvers {

struct momentum_params;

//! \brief The heavy-ball update rule; `Lookahead` selects Nesterov's correction.
//!
//! Momentum: \f$ v \leftarrow \mu v - \eta g \f$, \f$ \Delta x = v \f$. Nesterov (the form that
//! evaluates the gradient at the iterate, which is the look-ahead point):
//! \f$ v' = \mu v - \eta g \f$, \f$ \Delta x = -\mu v + (1+\mu) v' \f$, \f$ v \leftarrow v' \f$.
template <bool Lookahead>
struct heavy_ball_rule {
    using params_type = momentum_params; //!< parameters
    //! Name used in error messages.
    static constexpr std::string_view params_name =
        Lookahead ? "nesterov_params" : "momentum_params";
    static constexpr std::size_t state_size = 1; //!< the velocity \f$ v \f$

    //! The per-coordinate update \f$ (g_i, v_i) \mapsto \Delta x_i \f$.
    template <class T, class P>
    static auto coordinate_update(const P& p, const T& lr, std::size_t) {
        return [mu = T(p.momentum), lr](const T& g, T& v) {
            const T vn = mu * v - lr * g;
            const T dx = Lookahead ? T((1 + mu) * vn - mu * v) : vn;
            v = vn;
            return dx;
        };
    }
};

//! \brief Heavy-ball momentum: \f$ v_{k+1} = \mu v_k - \eta \nabla f(x_k) \f$,
//! \f$ x_{k+1} = x_k + v_{k+1} \f$.
//!
//! Fixed learning rate, no line search: faster than plain gradient descent on ill-conditioned
//! smooth problems when \f$ \eta \f$ is tuned (\f$ \eta < 2(1+\mu)/L \f$ for an \f$ L \f$-smooth
//! quadratic). Intended for stochastic objectives (see first_order_method); on deterministic
//! ones prefer lbfgs.
//! \code
//! auto r = nabla::solvers::momentum{{.learning_rate = 0.05, .momentum = 0.8}}.minimize(f, x0);
//! \endcode
using momentum = first_order_method<heavy_ball_rule<false>>;

//! \brief Parameters of momentum and nesterov (`nesterov_params` is the same type).
struct momentum_params {
    //! stopping tests; default 10000 iterations (epochs in a stochastic run)
    stopping_params stop{.max_iterations = 10000};
    //! \f$ \eta > 0 \f$ (default 1e-3)
    double learning_rate = 1e-3;
    //! \f$ \mu \in [0,1) \f$ (default 0.9)
    double momentum = 0.9;

    //! Throws std::invalid_argument naming the bad member, prefixed by `owner`.
    void validate(std::string_view owner = "momentum_params") const {
        detail::validate_first_order(*this, owner);
        detail::require_half_open(std::string(owner) + "::momentum", momentum, 0.0, 1.0);
    }

    // the options every first-order method has:
    //! gradient clipping (default off)
    gradient_clip clip{};
    //! learning-rate schedule \f$ \eta_k = \eta\, s(k) \f$ (default constant)
    lr_schedule schedule{};
    //! halvings of a NaN/Inf step before status::non_finite (default 30)
    std::size_t max_shrinks = 30;
};

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_MOMENTUM_HPP
