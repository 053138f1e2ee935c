#ifndef NABLA_SOLVERS_FRANK_WOLFE_COMMON_HPP
#define NABLA_SOLVERS_FRANK_WOLFE_COMMON_HPP

//! \file
//! \brief Parameters and internals shared by frank_wolfe and away_step_frank_wolfe.

#include <nabla/solvers/detail/session.hpp>
#include <nabla/solvers/params.hpp>
#include <nabla/solvers/stopping.hpp>
#include <nabla/solvers/vector_ops.hpp>

#include <cmath>
#include <cstddef>
#include <limits>
#include <span>
#include <stdexcept>
#include <vector>

namespace nabla::solvers {

//! \brief Parameters of frank_wolfe and away_step_frank_wolfe.
struct frank_wolfe_params {
    //! Budgets. The gradient tests are not used (the gradient need not vanish at a constrained
    //! minimum); `ftol_rel` and `xtol` apply if set. Default 10000 iterations.
    stopping_params stop{.max_iterations = 10000};
    //! Stop with status::converged_gap when \f$ \max_{s\in C}\langle \nabla f(x), x - s\rangle \le
    //! \text{gap\_tol} \f$; for convex \f$ f \f$ this bounds \f$ f(x) - f^\ast \f$ (default 1e-6).
    double gap_tol = 1e-6;
    //! Relative tolerance of the feasibility check of x0 (default 1e-8).
    double feasibility_tol = 1e-8;
    std::size_t max_shrinks =
        30; //!< halvings of a NaN/Inf step before status::non_finite (default 30)
    //! Throws std::invalid_argument naming the bad member.
    void validate() const {
        stop.validate();
        detail::require_non_negative("frank_wolfe_params::gap_tol", gap_tol);
        detail::require_non_negative("frank_wolfe_params::feasibility_tol", feasibility_tol);
    }
};

namespace detail {

//! Rejects an infeasible start point.
template <class T, class O>
void require_feasible(const O& oracle, std::span<const T> x, double tol) {
    if (!oracle.contains(x, T(tol)))
        throw std::invalid_argument("x0 is not in the feasible set of the Frank-Wolfe oracle");
}

//! Evaluates \f$ f, \nabla f \f$ at \f$ x + \gamma d \f$, halving \f$ \gamma \f$ on NaN/Inf
//! (the feasible set is convex, so smaller steps stay feasible). Returns false if it never
//! became finite; `gamma` holds the step taken.
template <class T, class S>
bool fw_move(S& s, std::span<const T> x, std::span<const T> d, T& gamma, std::size_t max_shrinks,
             std::vector<T>& xn, std::vector<T>& gn, T& fn) {
    for (std::size_t t = 0; t <= max_shrinks && !s.eval.exhausted(); ++t) {
        add_scaled<T>(x, gamma, d, xn);
        fn = s.eval.value_gradient(std::span<const T>(xn), std::span<T>(gn));
        if (is_finite(fn) && all_finite<T>(gn))
            return true;
        gamma /= 2;
    }
    return false;
}

//! Best finite iterate together with its duality gap.
template <class T>
struct fw_best {
    best_iterate<T> it;
    T gap = std::numeric_limits<T>::infinity();
    void offer(std::span<const T> x, const T& f, const T& gnorm, const T& g) {
        const bool better = !it.valid || f < it.f;
        it.offer(x, f, gnorm);
        if (better && it.valid)
            gap = g;
    }
};

//! The loop shared by frank_wolfe and away_step_frank_wolfe. A direction policy `D` (made by
//! `make_direction(x0)`) provides `T direction(x, g, d, gamma_max)`: writes the search
//! direction \f$ d \f$ and the largest feasible step, returns the Frank-Wolfe gap at \f$ x \f$;
//! and `void accepted(gamma)` after a step \f$ \gamma \f$ was taken; optionally `void snap(x)`,
//! which replaces the accepted point by the one the policy's own bookkeeping describes (the
//! away-step method's convex combination of vertices). Every iteration records
//! the gap, stops with status::converged_gap once it is at most `gap_tol`, otherwise asks the
//! step rule for \f$ \gamma \f$ and moves (halving \f$ \gamma \f$ on NaN/Inf).
template <class T, class F, class X, class C, class O, class R, class M>
result<T> run_frank_wolfe(const F& f, const X& x0, C& cb, const O& oracle, const R& step_rule,
                          const frank_wolfe_params& params, M make_direction) {
    params.validate();
    oracle.validate();
    step_rule.validate();
    auto x = start_point<T>(f, x0);
    require_feasible<T>(oracle, std::span<const T>(x), params.feasibility_tol);
    const std::size_t n = x.size();
    session<T, F, C> s(f, params.stop, cb);
    R rule = step_rule; // per-run state
    auto dir = make_direction(std::span<const T>(x));
    std::vector<T> g(n), d(n), xn(n), gn(n);
    T fx = s.eval.value_gradient(std::span<const T>(x), std::span<T>(g));
    if (!is_finite(fx) || !all_finite<T>(g))
        return s.finish(status::non_finite, std::move(x), fx, T(0), 0, "at the start point x0");
    s.tests.start(fx);
    fw_best<T> best;
    T step = T(0);
    auto done = [&](status st, bool give_best, const T& gap, std::size_t k) {
        auto r =
            give_best ? best.it.finish(s, st, k) : s.finish(st, std::move(x), fx, norm2<T>(g), k);
        r.duality_gap = give_best ? best.gap : gap;
        return r;
    };
    for (std::size_t t = 0;; ++t) {
        T gamma_max = T(1);
        const T gap =
            dir.direction(std::span<const T>(x), std::span<const T>(g), std::span<T>(d), gamma_max);
        const T gnorm = norm2<T>(g);
        best.offer(x, fx, gnorm, gap);
        if (auto st = s.report(t, x, fx, gnorm, step, gap))
            return done(*st, true, gap, t);
        if (gap <= T(params.gap_tol))
            return done(status::converged_gap, false, gap, t);
        if (t > 0)
            if (auto st = s.tests.after_step(fx, step, norm2<T>(x)))
                return done(*st, false, gap, t);
        if (auto st = s.limits(t))
            return done(*st, true, gap, t);
        const T gd = dot<T>(g, d);
        T gamma = rule.step(s, t, std::span<const T>(x), std::span<const T>(d), fx, gd, gamma_max);
        T fn{};
        if (!fw_move<T>(s, x, d, gamma, params.max_shrinks, xn, gn, fn))
            return done(s.eval.exhausted() ? status::evaluation_limit : status::non_finite, true,
                        gap, t);
        dir.accepted(gamma, gamma_max);
        if constexpr (requires { dir.snap(std::span<T>(xn)); })
            dir.snap(std::span<T>(xn));
        step = gamma * norm2<T>(d);
        x.swap(xn);
        g.swap(gn);
        fx = fn;
    }
}

} // namespace detail
} // namespace nabla::solvers

#endif // NABLA_SOLVERS_FRANK_WOLFE_COMMON_HPP
