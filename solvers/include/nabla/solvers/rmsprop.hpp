#ifndef NABLA_SOLVERS_RMSPROP_HPP
#define NABLA_SOLVERS_RMSPROP_HPP

//! \file
//! \brief RMSProp: steps scaled by a running average of squared gradients.

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

//! \brief Parameters of rmsprop.
struct rmsprop_params {
    stopping_params stop{.max_iterations = 10000}; //!< stopping tests; default 10000 iterations
    double learning_rate = 1e-3;                   //!< \f$ \eta > 0 \f$ (default 1e-3)
    double decay = 0.9;                            //!< \f$ \rho \in [0,1) \f$ (default 0.9)
    double epsilon = 1e-8;                         //!< \f$ \epsilon > 0 \f$ (default 1e-8)
    gradient_clip clip{};                          //!< gradient clipping (default off)
    lr_schedule
        schedule{}; //!< learning-rate schedule \f$ \eta_k = \eta\, s(k) \f$ (default constant)
    std::size_t max_shrinks =
        30; //!< halvings of a NaN/Inf step before status::non_finite (default 30)
    //! Throws std::invalid_argument naming the bad member.
    void validate() const {
        stop.validate();
        clip.validate("rmsprop_params");
        schedule.validate("rmsprop_params");
        detail::require_positive("rmsprop_params::learning_rate", learning_rate);
        detail::require_half_open("rmsprop_params::decay", decay, 0.0, 1.0);
        detail::require_positive("rmsprop_params::epsilon", epsilon);
    }
};

//! \brief RMSProp: \f$ E_k = \rho E_{k-1} + (1-\rho) g_k^2 \f$,
//! \f$ x_{k+1} = x_k - \eta\, g_k / (\sqrt{E_k} + \epsilon) \f$ (element-wise).
//!
//! AdaGrad with forgetting, so steps do not vanish; near a minimum the steps have size about
//! \f$ \eta \f$, so the iterates hover within \f$ O(\eta) \f$ of it.
class rmsprop {
public:
    rmsprop_params params{}; //!< parameters

    constexpr rmsprop() = default;
    //! From parameters, e.g. `rmsprop{{.learning_rate = 1e-2}}`.
    constexpr explicit rmsprop(rmsprop_params p) : params(p) {}

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
        T lr0, rho, eps;
        std::vector<T> e;
        rule(const rmsprop_params& p, std::size_t n)
            : lr0(p.learning_rate), rho(p.decay), eps(p.epsilon), e(n, T(0)) {}
        void delta(std::size_t k, const T& sk, std::span<const T> g, std::span<T> dx) {
            using std::sqrt;
            (void)k;
            const T lr = lr0 * sk;
            for (std::size_t i = 0; i < g.size(); ++i) {
                e[i] = rho * e[i] + (1 - rho) * g[i] * g[i];
                dx[i] = -lr * g[i] / (sqrt(e[i]) + eps);
            }
        }
    };
};

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_RMSPROP_HPP
