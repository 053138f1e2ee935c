#ifndef NABLA_SOLVERS_MOMENTUM_HPP
#define NABLA_SOLVERS_MOMENTUM_HPP

//! \file
//! \brief Gradient descent with heavy-ball (Polyak) momentum.

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

//! \brief Parameters of momentum.
struct momentum_params {
    stopping_params stop{.max_iterations = 10000}; //!< stopping tests; default 10000 iterations
    double learning_rate = 1e-3;                   //!< \f$ \eta > 0 \f$ (default 1e-3)
    double momentum = 0.9;                         //!< \f$ \mu \in [0,1) \f$ (default 0.9)
    gradient_clip clip{};                          //!< gradient clipping (default off)
    lr_schedule
        schedule{}; //!< learning-rate schedule \f$ \eta_k = \eta\, s(k) \f$ (default constant)
    std::size_t max_shrinks =
        30; //!< halvings of a NaN/Inf step before status::non_finite (default 30)
    //! Throws std::invalid_argument naming the bad member.
    void validate() const {
        stop.validate();
        clip.validate("momentum_params");
        schedule.validate("momentum_params");
        detail::require_positive("momentum_params::learning_rate", learning_rate);
        detail::require_half_open("momentum_params::momentum", momentum, 0.0, 1.0);
    }
};

//! \brief Heavy-ball momentum: \f$ v_{k+1} = \mu v_k - \eta \nabla f(x_k) \f$,
//! \f$ x_{k+1} = x_k + v_{k+1} \f$.
//!
//! Fixed learning rate, no line search: faster than plain gradient descent on ill-conditioned
//! smooth problems when \f$ \eta \f$ is tuned (\f$ \eta < 2(1+\mu)/L \f$ for an \f$ L \f$-smooth
//! quadratic). Intended for stochastic objectives; on deterministic ones prefer lbfgs.
class momentum {
public:
    momentum_params params{}; //!< parameters

    constexpr momentum() = default;
    //! From parameters, e.g. `momentum{{.learning_rate = 1e-2}}`.
    constexpr explicit momentum(momentum_params p) : params(p) {}

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
        T lr0, mu;
        std::vector<T> v;
        rule(const momentum_params& p, std::size_t n)
            : lr0(p.learning_rate), mu(p.momentum), v(n, T(0)) {}
        void delta(std::size_t k, const T& sk, std::span<const T> g, std::span<T> dx) {
            using std::sqrt;
            (void)k;
            const T lr = lr0 * sk;
            for (std::size_t i = 0; i < g.size(); ++i)
                dx[i] = v[i] = mu * v[i] - lr * g[i];
        }
    };
};

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_MOMENTUM_HPP
