#ifndef NABLA_SOLVERS_ADAM_HPP
#define NABLA_SOLVERS_ADAM_HPP

//! \file
//! \brief Adam: bias-corrected first and second moment estimates.

#include <nabla/solvers/first_order_method.hpp>
#include <nabla/solvers/first_order_options.hpp>
#include <nabla/solvers/params.hpp>
#include <nabla/solvers/stopping.hpp>

#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace nabla::solvers {

struct adam_params;

//! \brief Adam's update rule at update \f$ k \ge 1 \f$:
//! \f$ m \leftarrow \beta_1 m + (1-\beta_1) g \f$, \f$ v \leftarrow \beta_2 v + (1-\beta_2) g^2
//! \f$, \f$ \Delta x = -\eta\, \hat m/(\sqrt{\hat v} + \epsilon) \f$, \f$ \hat m = m/(1-\beta_1^k)
//! \f$, \f$ \hat v = v/(1-\beta_2^k) \f$ (element-wise).
struct adam_rule {
    using params_type = adam_params; //!< parameters
    //! Name used in error messages.
    static constexpr std::string_view params_name = "adam_params";
    static constexpr std::size_t state_size = 2; //!< the moments \f$ m, v \f$

    //! The per-coordinate update \f$ (g_i, m_i, v_i) \mapsto \Delta x_i \f$ at update `k`.
    template <class T, class P>
    static auto coordinate_update(const P& p, const T& lr, std::size_t k) {
        using std::pow;
        const T b1(p.beta1), b2(p.beta2), eps(p.epsilon), kk(static_cast<double>(k));
        const T c1 = 1 - pow(b1, kk), c2 = 1 - pow(b2, kk); // bias corrections
        return [=](const T& g, T& m, T& v) {
            using std::sqrt;
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            return T(-lr * (m / c1) / (sqrt(v / c2) + eps));
        };
    }
};

//! \brief Adam (Kingma & Ba): \f$ m_k = \beta_1 m_{k-1} + (1-\beta_1) g_k \f$,
//! \f$ v_k = \beta_2 v_{k-1} + (1-\beta_2) g_k^2 \f$,
//! \f$ x_{k+1} = x_k - \eta\, \hat m_k / (\sqrt{\hat v_k} + \epsilon) \f$ with
//! \f$ \hat m_k = m_k/(1-\beta_1^k) \f$, \f$ \hat v_k = v_k/(1-\beta_2^k) \f$.
//!
//! The usual default for stochastic training; on deterministic problems it reaches a
//! neighbourhood of the minimiser and then oscillates within \f$ O(\eta) \f$, so expect
//! status::iteration_limit unless the gradient tolerance is loose.
//! \code
//! auto r = nabla::solvers::adam{{.learning_rate = 1e-2}}.minimize(f, x0);
//! auto s = nabla::solvers::adam{{.learning_rate = 1e-2}}.minimize(
//!     data_loss, w0, nabla::solvers::epochs(50), nabla::solvers::batch_size(32));
//! \endcode
using adam = first_order_method<adam_rule>;

//! \brief Parameters of adam.
struct adam_params {
    //! stopping tests; default 10000 iterations (epochs in a stochastic run)
    stopping_params stop{.max_iterations = 10000};
    //! \f$ \eta > 0 \f$ (default 1e-3)
    double learning_rate = 1e-3;
    //! \f$ \beta_1 \in [0,1) \f$ (default 0.9)
    double beta1 = 0.9;
    //! \f$ \beta_2 \in [0,1) \f$ (default 0.999)
    double beta2 = 0.999;
    //! \f$ \epsilon > 0 \f$ (default 1e-8)
    double epsilon = 1e-8;

    //! Throws std::invalid_argument naming the bad member, prefixed by `owner`.
    void validate(std::string_view owner = "adam_params") const {
        detail::validate_first_order(*this, owner);
        for (auto [name, beta] : {std::pair{"::beta1", beta1}, std::pair{"::beta2", beta2}})
            detail::require_half_open(std::string(owner) + name, beta, 0.0, 1.0);
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

#endif // NABLA_SOLVERS_ADAM_HPP
