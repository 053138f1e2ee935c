#ifndef NABLA_SOLVERS_FRANK_WOLFE_STEP_RULES_HPP
#define NABLA_SOLVERS_FRANK_WOLFE_STEP_RULES_HPP

//! \file
//! \brief Step-size rules \f$ \gamma_t \in [0, \gamma_{\max}] \f$ for Frank-Wolfe along
//! \f$ d_t \f$ (\f$ x_{t+1} = x_t + \gamma_t d_t \f$, \f$ \langle g_t, d_t\rangle < 0 \f$).
//!
//! A rule provides `validate()` and
//! `T step(S& session, std::size_t t, std::span<const T> x, std::span<const T> d, const T& f,
//! const T& gd, const T& gamma_max)`, where `gd` \f$ = \langle \nabla f(x_t), d_t\rangle \f$. A
//! rule may keep state across iterations: solvers copy it at the start of every run.

#include <nabla/solvers/objective.hpp>
#include <nabla/solvers/params.hpp>
#include <nabla/solvers/vector_ops.hpp>

#include <cmath>
#include <cstddef>
#include <limits>
#include <span>
#include <type_traits>
#include <vector>

namespace nabla::solvers {

//! \brief The classical open-loop rule \f$ \gamma_t = \min(2/(t+2), \gamma_{\max}) \f$:
//! no evaluations, \f$ f(x_t) - f^\ast = O(1/t) \f$ for \f$ L \f$-smooth convex \f$ f \f$.
struct open_loop_step {
    //! Nothing to check.
    void validate() const {}
    //! \f$ \gamma_t \f$ for the direction \f$ d \f$ at \f$ x \f$ (see the file comment).
    template <class S, class T>
    T step(S&, std::size_t t, std::span<const T>, std::span<const T>, const T&, const T&,
           const T& gamma_max) {
        const T g = T(2) / T(static_cast<double>(t + 2));
        return g < gamma_max ? g : gamma_max;
    }
};

//! \brief Exact line search for quadratic objectives:
//! \f$ \gamma_t = \min\big(-\langle g_t, d_t\rangle / (d_t^\top \nabla^2 f\, d_t),
//! \gamma_{\max}\big) \f$
//! (\f$ \gamma_{\max} \f$ if the curvature is not positive). Exact for quadratics; for other
//! objectives a Newton step along \f$ d_t \f$. Needs `hessian_vector` or a dense Hessian.
struct exact_quadratic_step {
    //! Nothing to check.
    void validate() const {}
    //! \f$ \gamma_t \f$ for the direction \f$ d \f$ at \f$ x \f$ (see the file comment).
    template <class S, class T>
    T step(S& s, std::size_t, std::span<const T> x, std::span<const T> d, const T&, const T& gd,
           const T& gamma_max) {
        const std::size_t n = x.size();
        std::vector<T> hd(n);
        using E = std::remove_cvref_t<decltype(s.eval)>;
        static_assert(
            E::has_second_order,
            "nabla::solvers: exact_quadratic_step needs second derivatives: the objective "
            "must provide value_gradient_hessian or hessian_vector");
        if constexpr (E::has_hessian_vector) {
            s.eval.hessian_vector(x, d, std::span<T>(hd));
        } else {
            std::vector<T> h(n * n);
            s.eval.hessian(x, std::span<T>(h));
            for (std::size_t i = 0; i < n; ++i)
                hd[i] = dot<T>(std::span<const T>(h.data() + i * n, n), d);
        }
        const T curv = dot<T>(d, hd);
        if (!(curv > T(0)))
            return gamma_max;
        const T g = -gd / curv;
        return g < gamma_max ? (g > T(0) ? g : T(0)) : gamma_max;
    }
};

//! \brief Adaptive backtracking on the local Lipschitz constant (Pedregosa et al., 2020):
//! \f$ \gamma = \min(-\langle g,d\rangle / (L\|d\|^2), \gamma_{\max}) \f$, accepted when
//! \f$ f(x+\gamma d) \le f(x) + \gamma\langle g,d\rangle + \tfrac{L}{2}\gamma^2\|d\|^2 \f$, else
//! \f$ L \leftarrow \tau L \f$. Each iteration starts from \f$ \eta L \f$. NaN/Inf trials count as
//! failures. Where the test is hidden by rounding of \f$ f \f$, its derivative form
//! \f$ \langle \nabla f(x+\gamma d), d\rangle \le \langle g,d\rangle + L\gamma\|d\|^2 \f$ decides
//! (one gradient evaluation). Converges like the exact rule without needing a Hessian.
struct backtracking_step {
    double initial_lipschitz =
        0.0;               //!< \f$ L_0 \f$; 0 estimates it from a gradient difference (default 0)
    double increase = 2.0; //!< \f$ \tau > 1 \f$ (default 2)
    double decrease = 0.9; //!< \f$ \eta \in (0, 1] \f$ (default 0.9)
    std::size_t max_trials = 60; //!< trials per step (default 60)
    double lipschitz = 0.0;      //!< the running estimate \f$ L \f$ (state)

    //! Throws std::invalid_argument naming the bad member.
    void validate() const {
        detail::require_non_negative("backtracking_step::initial_lipschitz", initial_lipschitz);
        if (!(increase > 1.0))
            detail::bad_param("backtracking_step::increase", "must be > 1", increase);
        if (!(decrease > 0.0 && decrease <= 1.0))
            detail::bad_param("backtracking_step::decrease", "must lie in (0, 1]", decrease);
        detail::require_at_least_one("backtracking_step::max_trials", max_trials);
    }
    //! \f$ \gamma_t \f$ for the direction \f$ d \f$ at \f$ x \f$ (see the file comment).
    template <class S, class T>
    T step(S& s, std::size_t, std::span<const T> x, std::span<const T> d, const T& f, const T& gd,
           const T& gamma_max) {
        const std::size_t n = x.size();
        const T dd = dot<T>(d, d);
        if (!(dd > T(0)))
            return T(0);
        std::vector<T> xt(n), gt;
        T L;
        if (lipschitz > 0) {
            L = T(lipschitz) * T(decrease);
        } else if (initial_lipschitz > 0) {
            L = T(initial_lipschitz);
        } else { // L ~ |<g(x + e d) - g(x), d>| / (e ||d||^2)
            std::vector<T> g0(n), g1(n);
            const T e = T(1e-3) * (gamma_max < T(1) ? gamma_max : T(1));
            s.eval.value_gradient(x, std::span<T>(g0));
            add_scaled<T>(x, e, d, xt);
            s.eval.value_gradient(std::span<const T>(xt), std::span<T>(g1));
            T diff = T(0);
            for (std::size_t i = 0; i < n; ++i)
                diff += (g1[i] - g0[i]) * (g1[i] - g0[i]);
            using std::sqrt;
            L = sqrt(diff) / (e * sqrt(dd));
            if (!(L > T(0)) || !is_finite(L))
                L = T(1);
        }
        using std::abs;
        const T noise = T(100) * std::numeric_limits<T>::epsilon() * abs(f);
        T gamma = T(0);
        for (std::size_t t = 0; t < max_trials; ++t) {
            gamma = -gd / (L * dd);
            if (gamma > gamma_max)
                gamma = gamma_max;
            add_scaled<T>(x, gamma, d, xt);
            const T ft = s.eval.value(std::span<const T>(xt));
            if (is_finite(ft)) {
                if (ft <= f + gamma * gd + L * gamma * gamma * dd / 2)
                    break;
                if (ft <= f + noise) {
                    // within rounding noise of f the value test cannot decide; use its derivative
                    // form (exact for quadratics): <g(x + gamma d), d> <= <g, d> + L gamma ||d||^2
                    gt.resize(n);
                    (void)s.eval.value_gradient(std::span<const T>(xt), std::span<T>(gt));
                    if (dot<T>(gt, d) <= gd + L * gamma * dd)
                        break;
                }
            }
            L *= T(increase);
        }
        lipschitz = static_cast<double>(L);
        return gamma;
    }
};

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_FRANK_WOLFE_STEP_RULES_HPP
