#ifndef NABLA_SOLVERS_FRANK_WOLFE_HPP
#define NABLA_SOLVERS_FRANK_WOLFE_HPP

//! \file
//! \brief Frank-Wolfe (conditional gradient) with an oracle policy and a step-rule policy.

#include <nabla/solvers/callbacks.hpp>
#include <nabla/solvers/detail/session.hpp>
#include <nabla/solvers/frank_wolfe/common.hpp>
#include <nabla/solvers/frank_wolfe/oracles.hpp>
#include <nabla/solvers/frank_wolfe/step_rules.hpp>
#include <nabla/solvers/objective.hpp>
#include <nabla/solvers/result.hpp>

#include <cstddef>
#include <span>
#include <vector>

namespace nabla::solvers {

//! \brief Frank-Wolfe for \f$ \min_{x\in C} f(x) \f$, \f$ C \f$ convex and compact, given by an
//! oracle (simplex, l1_ball, l2_ball, box):
//! \f[ s_t = \arg\min_{s\in C}\langle \nabla f(x_t), s\rangle,\quad
//!     x_{t+1} = x_t + \gamma_t (s_t - x_t), \f]
//! with the duality gap \f$ G_t = \langle \nabla f(x_t), x_t - s_t\rangle \ge f(x_t) - f^\ast \f$
//! (convex \f$ f \f$) recorded in every history entry and used to stop (`gap_tol`).
//!
//! Projection-free, iterates are sparse convex combinations of vertices. With the default
//! open-loop rule \f$ \gamma_t = 2/(t+2) \f$ the gap decays like \f$ O(1/t) \f$; use
//! exact_quadratic_step or backtracking_step for faster practical progress and
//! away_step_frank_wolfe for linear convergence on polytopes. `x0` must be feasible.
//! \code
//! auto r = nabla::solvers::frank_wolfe{nabla::solvers::simplex{}}.minimize(f, x0);
//! // r.duality_gap, r.history[k].gap
//! \endcode
template <class Oracle, class StepRule = open_loop_step>
class frank_wolfe {
public:
    Oracle oracle{};             //!< the feasible set
    StepRule step_rule{};        //!< step-size rule
    frank_wolfe_params params{}; //!< parameters

    //! From an oracle, optionally a step rule and parameters.
    constexpr explicit frank_wolfe(Oracle o, StepRule r = {}, frank_wolfe_params p = {})
        : oracle(o), step_rule(r), params(p) {}

    //! Minimises `f` over the oracle's set from the feasible `x0`.
    template <class F, class X, class C = no_callback>
    auto minimize(const F& f, const X& x0, C cb = {}) const {
        using T = scalar_type_t<F, X>;
        static_assert(detail::check_objective<F, T, X>());
        static_assert(linear_minimization_oracle<Oracle, T>,
                      "nabla::solvers: frank_wolfe needs an oracle with validate(), lmo(g, s) and "
                      "contains(x, tol) (see frank_wolfe/oracles.hpp)");
        params.validate();
        oracle.validate();
        step_rule.validate();
        auto x = detail::start_point<T>(f, x0);
        detail::require_feasible<T>(oracle, std::span<const T>(x), params.feasibility_tol);
        const std::size_t n = x.size();
        detail::session<T, F, C> s(f, params.stop, cb);
        StepRule rule = step_rule; // per-run state
        std::vector<T> g(n), sv(n), d(n), xn(n), gn(n);
        T fx = s.eval.value_gradient(std::span<const T>(x), std::span<T>(g));
        if (!is_finite(fx) || !all_finite<T>(g))
            return s.finish(status::non_finite, std::move(x), fx, T(0), 0, "at the start point x0");
        s.tests.start(fx);
        detail::fw_best<T> best;
        T step = T(0);
        auto done = [&](status st, std::vector<T> xr, const T& fr, const T& gr, const T& gap,
                        std::size_t k) {
            auto r = s.finish(st, std::move(xr), fr, gr, k);
            r.duality_gap = gap;
            return r;
        };
        for (std::size_t t = 0;; ++t) {
            oracle.lmo(std::span<const T>(g), std::span<T>(sv));
            for (std::size_t i = 0; i < n; ++i)
                d[i] = sv[i] - x[i];
            const T gd = dot<T>(g, d);
            const T gap = -gd;
            const T gnorm = norm2<T>(g);
            best.offer(x, fx, gnorm, gap);
            if (auto st = s.report(t, x, fx, gnorm, step, gap))
                return done(*st, std::move(best.it.x), best.it.f, best.it.gradient_norm, best.gap,
                            t);
            if (gap <= T(params.gap_tol))
                return done(status::converged_gap, std::move(x), fx, gnorm, gap, t);
            if (t > 0)
                if (auto st = s.tests.after_step(fx, step, norm2<T>(x)))
                    return done(*st, std::move(x), fx, gnorm, gap, t);
            if (auto st = s.limits(t))
                return done(*st, std::move(best.it.x), best.it.f, best.it.gradient_norm, best.gap,
                            t);
            T gamma = rule.step(s, t, std::span<const T>(x), std::span<const T>(d), fx, gd, T(1));
            T fn{};
            if (!detail::fw_move<T>(s, x, d, gamma, params.max_shrinks, xn, gn, fn)) {
                const status st =
                    s.eval.exhausted() ? status::evaluation_limit : status::non_finite;
                return done(st, std::move(best.it.x), best.it.f, best.it.gradient_norm, best.gap,
                            t);
            }
            step = gamma * norm2<T>(d);
            x.swap(xn);
            g.swap(gn);
            fx = fn;
        }
    }
};

//! Deduction guides: `frank_wolfe{simplex{}}`, `frank_wolfe{l1_ball{2.0}, backtracking_step{}}`.
template <class O>
frank_wolfe(O) -> frank_wolfe<O, open_loop_step>;
template <class O, class R>
frank_wolfe(O, R) -> frank_wolfe<O, R>;
template <class O, class R>
frank_wolfe(O, R, frank_wolfe_params) -> frank_wolfe<O, R>;

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_FRANK_WOLFE_HPP
