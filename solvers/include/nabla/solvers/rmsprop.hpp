#ifndef NABLA_SOLVERS_RMSPROP_HPP
#define NABLA_SOLVERS_RMSPROP_HPP

//! \file
//! \brief RMSProp: steps scaled by a running average of squared gradients.

#include <nabla/solvers/first_order_method.hpp>
#include <nabla/solvers/first_order_options.hpp>
#include <nabla/solvers/params.hpp>
#include <nabla/solvers/stopping.hpp>

#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>

namespace nabla::solvers {

struct rmsprop_params;

//! \brief RMSProp's update rule: \f$ E \leftarrow \rho E + (1-\rho) g^2 \f$,
//! \f$ \Delta x = -\eta\, g / (\sqrt{E} + \epsilon) \f$ (element-wise).
struct rmsprop_rule {
    using params_type = rmsprop_params;          //!< parameters
    static constexpr std::size_t state_size = 1; //!< the running mean square \f$ E \f$
    //! Name used in error messages.
    static constexpr std::string_view params_name = "rmsprop_params";

    //! The per-coordinate update \f$ (g_i, E_i) \mapsto \Delta x_i \f$.
    template <class T, class P>
    static auto coordinate_update(const P& p, const T& lr, std::size_t) {
        const T rho(p.decay), eps(p.epsilon);
        return [=](const T& g, T& mean_sq) {
            using std::sqrt;
            mean_sq = rho * mean_sq + (1 - rho) * g * g;
            return T(-lr * g / (sqrt(mean_sq) + eps));
        };
    }
};

//! \brief RMSProp: \f$ E_k = \rho E_{k-1} + (1-\rho) g_k^2 \f$,
//! \f$ x_{k+1} = x_k - \eta\, g_k / (\sqrt{E_k} + \epsilon) \f$ (element-wise).
//!
//! AdaGrad with forgetting, so steps do not vanish; near a minimum the steps have size about
//! \f$ \eta \f$, so the iterates hover within \f$ O(\eta) \f$ of it. Deterministic or
//! stochastic: see first_order_method.
//! \code
//! auto r = nabla::solvers::rmsprop{{.learning_rate = 1e-2}}.minimize(f, x0);
//! \endcode
using rmsprop = first_order_method<rmsprop_rule>;

//! \brief Parameters of rmsprop.
struct rmsprop_params {
    //! stopping tests; default 10000 iterations (epochs in a stochastic run)
    stopping_params stop{.max_iterations = 10000};
    //! \f$ \eta > 0 \f$ (default 1e-3)
    double learning_rate = 1e-3;
    //! \f$ \rho \in [0,1) \f$ (default 0.9)
    double decay = 0.9;
    //! \f$ \epsilon > 0 \f$ (default 1e-8)
    double epsilon = 1e-8;

    //! Throws std::invalid_argument naming the bad member, prefixed by `owner`.
    void validate(std::string_view owner = "rmsprop_params") const {
        const std::string name(owner);
        detail::validate_first_order(*this, owner);
        detail::require_half_open(name + "::decay", decay, 0.0, 1.0);
        detail::require_positive(name + "::epsilon", epsilon);
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

#endif // NABLA_SOLVERS_RMSPROP_HPP
