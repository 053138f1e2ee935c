#ifndef NABLA_SOLVERS_ADAGRAD_HPP
#define NABLA_SOLVERS_ADAGRAD_HPP

//! \file
//! \brief AdaGrad: per-coordinate steps scaled by accumulated squared gradients.

#include <nabla/solvers/first_order_method.hpp>
#include <nabla/solvers/first_order_options.hpp>
#include <nabla/solvers/params.hpp>
#include <nabla/solvers/stopping.hpp>

#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>

namespace nabla::solvers {

struct adagrad_params;

//! \brief AdaGrad's update rule: \f$ G \leftarrow G + g^2 \f$,
//! \f$ \Delta x = -\eta\, g / (\sqrt{G} + \epsilon) \f$ (element-wise).
struct adagrad_rule {
    static constexpr std::string_view params_name = "adagrad_params"; //!< for error messages
    using params_type = adagrad_params;                               //!< parameters
    static constexpr std::size_t state_size = 1; //!< the sum of squares \f$ G \f$

    //! The per-coordinate update \f$ (g_i, G_i) \mapsto \Delta x_i \f$.
    template <class T, class P>
    static auto coordinate_update(const P& p, const T& lr, std::size_t) {
        return [eps = T(p.epsilon), lr](const T& g, T& sum_sq) {
            using std::sqrt;
            sum_sq += g * g;
            return T(-lr * g / (sqrt(sum_sq) + eps));
        };
    }
};

//! \brief AdaGrad: \f$ G_{k} = G_{k-1} + g_k^2 \f$,
//! \f$ x_{k+1} = x_k - \eta\, g_k / (\sqrt{G_k} + \epsilon) \f$ (element-wise).
//!
//! Steps shrink like \f$ 1/\sqrt{k} \f$ per coordinate: suited to sparse gradients; on dense
//! problems the steps may become too small. Deterministic or stochastic: see
//! first_order_method.
//! \code
//! auto r = nabla::solvers::adagrad{{.learning_rate = 0.5}}.minimize(f, x0);
//! \endcode
using adagrad = first_order_method<adagrad_rule>;

//! \brief Parameters of adagrad.
struct adagrad_params {
    //! stopping tests; default 10000 iterations (epochs in a stochastic run)
    stopping_params stop{.max_iterations = 10000};
    //! \f$ \eta > 0 \f$ (default 1e-2)
    double learning_rate = 1e-2;
    //! \f$ \epsilon > 0 \f$ in the denominator (default 1e-8)
    double epsilon = 1e-8;

    //! Throws std::invalid_argument naming the bad member, prefixed by `owner`.
    void validate(std::string_view owner = "adagrad_params") const {
        detail::validate_first_order(*this, owner);
        detail::require_positive(std::string(owner) + "::epsilon", epsilon);
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

#endif // NABLA_SOLVERS_ADAGRAD_HPP
