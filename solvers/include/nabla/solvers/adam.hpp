#ifndef NABLA_SOLVERS_ADAM_HPP
#define NABLA_SOLVERS_ADAM_HPP

//! \file
//! \brief Adam: bias-corrected first and second moment estimates.

#include <nabla/solvers/callbacks.hpp>
#include <nabla/solvers/detail/first_order_driver.hpp>
#include <nabla/solvers/detail/session.hpp>
#include <nabla/solvers/first_order_options.hpp>
#include <nabla/solvers/objective.hpp>
#include <nabla/solvers/params.hpp>
#include <nabla/solvers/result.hpp>
#include <nabla/solvers/stopping.hpp>

#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

namespace nabla::solvers {

//! \brief Parameters of adam.
struct adam_params {
    stopping_params stop{.max_iterations = 10000}; //!< stopping tests; default 10000 iterations
    double learning_rate = 1e-3;                   //!< \f$ \eta > 0 \f$ (default 1e-3)
    double beta1 = 0.9;                            //!< \f$ \beta_1 \in [0,1) \f$ (default 0.9)
    double beta2 = 0.999;                          //!< \f$ \beta_2 \in [0,1) \f$ (default 0.999)
    double epsilon = 1e-8;                         //!< \f$ \epsilon > 0 \f$ (default 1e-8)
    gradient_clip clip{};                          //!< gradient clipping (default off)
    lr_schedule
        schedule{}; //!< learning-rate schedule \f$ \eta_k = \eta\, s(k) \f$ (default constant)
    std::size_t max_shrinks =
        30; //!< halvings of a NaN/Inf step before status::non_finite (default 30)
    //! Throws std::invalid_argument naming the bad member.
    void validate() const {
        stop.validate();
        clip.validate("adam_params");
        schedule.validate("adam_params");
        detail::require_positive("adam_params::learning_rate", learning_rate);
        detail::require_half_open("adam_params::beta1", beta1, 0.0, 1.0);
        detail::require_half_open("adam_params::beta2", beta2, 0.0, 1.0);
        detail::require_positive("adam_params::epsilon", epsilon);
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
//! \endcode
class adam {
public:
    adam_params params{}; //!< parameters

    constexpr adam() = default;
    //! From parameters, e.g. `adam{{.learning_rate = 1e-2}}`.
    constexpr explicit adam(adam_params p) : params(p) {}

    //! Minimises `f` from `x0`; `cb` is called after every iteration.
    template <class F, class X, class C = no_callback>
    auto minimize(const F& f, const X& x0, C cb = {}) const {
        using T = scalar_type_t<F, X>;
        static_assert(detail::check_objective<F, T, X>());
        params.validate();
        auto x = detail::start_point<T>(f, x0);
        detail::session<T, F, C> s(f, params.stop, cb);
        rule<T> r(params, x.size());
        return detail::first_order_loop<T>(s, r, std::move(x), params.max_shrinks, params.clip,
                                           params.schedule);
    }

private:
    template <class T>
    struct rule {
        T lr0, b1, b2, eps, b1t = T(1), b2t = T(1);
        std::vector<T> m, v;
        rule(const adam_params& p, std::size_t n)
            : lr0(p.learning_rate), b1(p.beta1), b2(p.beta2), eps(p.epsilon), m(n, T(0)),
              v(n, T(0)) {}
        void delta(std::size_t k, const T& sk, std::span<const T> g, std::span<T> dx) {
            using std::sqrt;
            (void)k;
            const T lr = lr0 * sk;
            b1t *= b1;
            b2t *= b2;
            for (std::size_t i = 0; i < g.size(); ++i) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                const T mhat = m[i] / (1 - b1t), vhat = v[i] / (1 - b2t);
                dx[i] = -lr * mhat / (sqrt(vhat) + eps);
            }
        }
    };
};

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_ADAM_HPP
