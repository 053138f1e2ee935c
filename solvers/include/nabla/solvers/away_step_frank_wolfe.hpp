#ifndef NABLA_SOLVERS_AWAY_STEP_FRANK_WOLFE_HPP
#define NABLA_SOLVERS_AWAY_STEP_FRANK_WOLFE_HPP

//! \file
//! \brief Away-step Frank-Wolfe over polytopes (simplex, l1_ball).

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

//! \brief Away-step Frank-Wolfe (Guélat & Marcotte; Lacoste-Julien & Jaggi, 2015).
//!
//! Keeps \f$ x_t = \sum_{v\in S_t} \lambda_v v \f$ over an active set of vertices. With the
//! Frank-Wolfe vertex \f$ s_t \f$ and the away vertex \f$ v_t = \arg\max_{v\in S_t} \langle g_t,
//! v\rangle \f$ it moves along \f$ d = s_t - x_t \f$ (\f$ \gamma_{\max} = 1 \f$) if \f$ \langle
//! g_t, x_t - s_t\rangle \ge \langle g_t, v_t - x_t\rangle \f$, else along \f$ d = x_t - v_t \f$
//! (\f$ \gamma_{\max} = \lambda_{v}/(1-\lambda_{v}) \f$, a "drop step" at the maximum removes \f$
//! v_t \f$). For strongly convex \f$ f \f$ over a polytope it converges linearly where plain
//! Frank-Wolfe zig-zags at \f$ O(1/t) \f$. The reported gap is the Frank-Wolfe gap \f$ \langle g_t,
//! x_t - s_t\rangle \f$. Default step rule: backtracking_step.
template <class Oracle, class StepRule = backtracking_step>
class away_step_frank_wolfe {
public:
    Oracle oracle{};             //!< the polytope
    StepRule step_rule{};        //!< step-size rule
    frank_wolfe_params params{}; //!< parameters

    //! From an oracle, optionally a step rule and parameters.
    constexpr explicit away_step_frank_wolfe(Oracle o, StepRule r = {}, frank_wolfe_params p = {})
        : oracle(o), step_rule(r), params(p) {}

    //! Minimises `f` over the polytope from the feasible `x0`.
    template <class F, class X, class C = no_callback>
    auto minimize(const F& f, const X& x0, C cb = {}) const {
        using T = scalar_type_t<F, X>;
        static_assert(detail::check_objective<F, T, X>());
        static_assert(polytope_oracle<Oracle, T>,
                      "nabla::solvers: away_step_frank_wolfe needs a polytope oracle with indexed "
                      "vertices (simplex or l1_ball, see frank_wolfe/oracles.hpp)");
        params.validate();
        oracle.validate();
        step_rule.validate();
        auto x = detail::start_point<T>(f, x0);
        detail::require_feasible<T>(oracle, std::span<const T>(x), params.feasibility_tol);
        const std::size_t n = x.size();
        detail::session<T, F, C> s(f, params.stop, cb);
        StepRule rule = step_rule;
        std::vector<T> w = oracle.decompose(std::span<const T>(x));
        std::vector<T> g(n), d(n), xn(n), gn(n);
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
            const std::span<const T> gs(g);
            const T gx = dot<T>(g, x);
            const std::size_t si = oracle.lmo_vertex(gs);
            const T gap = gx - oracle.vertex_dot(si, gs);
            std::size_t vi = w.size();
            for (std::size_t i = 0; i < w.size(); ++i)
                if (w[i] > T(0) &&
                    (vi == w.size() || oracle.vertex_dot(i, gs) > oracle.vertex_dot(vi, gs)))
                    vi = i;
            const T away_gap = vi < w.size() ? oracle.vertex_dot(vi, gs) - gx : T(0);
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
            const bool fw = gap >= away_gap || vi == w.size() || !(w[vi] < T(1));
            T gmax = T(1);
            if (fw) {
                for (std::size_t i = 0; i < n; ++i)
                    d[i] = -x[i];
                oracle.add_vertex(si, T(1), std::span<T>(d));
            } else {
                for (std::size_t i = 0; i < n; ++i)
                    d[i] = x[i];
                oracle.add_vertex(vi, T(-1), std::span<T>(d));
                gmax = w[vi] / (1 - w[vi]);
            }
            const T gd = dot<T>(g, d);
            T gamma = rule.step(s, t, std::span<const T>(x), std::span<const T>(d), fx, gd, gmax);
            T fn{};
            if (!detail::fw_move<T>(s, x, d, gamma, params.max_shrinks, xn, gn, fn)) {
                const status st =
                    s.eval.exhausted() ? status::evaluation_limit : status::non_finite;
                return done(st, std::move(best.it.x), best.it.f, best.it.gradient_norm, best.gap,
                            t);
            }
            if (fw) {
                for (auto& v : w)
                    v *= (1 - gamma);
                w[si] += gamma;
            } else {
                for (auto& v : w)
                    v *= (1 + gamma);
                w[vi] -= gamma;
                if (gamma >= gmax)
                    w[vi] = T(0); // drop step
            }
            for (auto& v : w)
                if (v < T(0))
                    v = T(0);
            step = gamma * norm2<T>(d);
            x.swap(xn);
            g.swap(gn);
            fx = fn;
        }
    }
};

//! Deduction guides: `away_step_frank_wolfe{simplex{}}`.
template <class O>
away_step_frank_wolfe(O) -> away_step_frank_wolfe<O, backtracking_step>;
template <class O, class R>
away_step_frank_wolfe(O, R) -> away_step_frank_wolfe<O, R>;
template <class O, class R>
away_step_frank_wolfe(O, R, frank_wolfe_params) -> away_step_frank_wolfe<O, R>;

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_AWAY_STEP_FRANK_WOLFE_HPP
