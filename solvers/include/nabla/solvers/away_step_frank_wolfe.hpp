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
        return detail::run_frank_wolfe<T>(f, x0, cb, oracle, step_rule, params,
                                          [this](std::span<const T> x) {
                                              return away_or_toward<T>{oracle, oracle.decompose(x)};
                                          });
    }

private:
    //! Chooses between the Frank-Wolfe vertex and the away direction; keeps the weights \f$
    //! \lambda \f$ of the active vertices.
    template <class T>
    struct away_or_toward {
        const Oracle& oracle;
        std::vector<T> w;
        std::size_t si = 0, vi = 0;
        bool toward = true;

        T direction(std::span<const T> x, std::span<const T> g, std::span<T> d, T& gamma_max) {
            const T gx = dot<T>(g, x);
            si = oracle.lmo_vertex(g);
            const T gap = gx - oracle.vertex_dot(si, g);
            vi = w.size();
            for (std::size_t i = 0; i < w.size(); ++i)
                if (w[i] > T(0) &&
                    (vi == w.size() || oracle.vertex_dot(i, g) > oracle.vertex_dot(vi, g)))
                    vi = i;
            const T away_gap = vi < w.size() ? oracle.vertex_dot(vi, g) - gx : T(0);
            toward = gap >= away_gap || vi == w.size() || !(w[vi] < T(1));
            for (std::size_t i = 0; i < x.size(); ++i)
                d[i] = toward ? -x[i] : x[i];
            oracle.add_vertex(toward ? si : vi, toward ? T(1) : T(-1), d);
            gamma_max = toward ? T(1) : w[vi] / (1 - w[vi]);
            return gap;
        }
        void accepted(const T& gamma, const T& gamma_max) {
            for (auto& v : w)
                v *= toward ? 1 - gamma : 1 + gamma;
            if (toward)
                w[si] += gamma;
            else
                w[vi] = gamma >= gamma_max ? T(0) : w[vi] - gamma; // drop step at the maximum
            for (auto& v : w)
                if (v < T(0))
                    v = T(0);
        }
        //! The iterate as the combination of vertices the weights describe, so that a step that
        //! drops a vertex leaves its coordinate exactly 0, not a rounding residue of either sign
        //! (a point off the polytope by 1e-17). f and g were evaluated at the point before, which
        //! differs only by rounding.
        void snap(std::span<T> x) const {
            for (auto& v : x)
                v = T(0);
            for (std::size_t i = 0; i < w.size(); ++i)
                if (w[i] != T(0))
                    oracle.add_vertex(i, w[i], x);
        }
    };
};

//! Deduction guides: `away_step_frank_wolfe{simplex{}}`.
template <class O>
away_step_frank_wolfe(O) -> away_step_frank_wolfe<O, backtracking_step>;
//! Deduction guide: `away_step_frank_wolfe{l1_ball{2.0}, backtracking_step{}}`.
template <class O, class R>
away_step_frank_wolfe(O, R) -> away_step_frank_wolfe<O, R>;
//! Deduction guide: an oracle, a step rule and the parameters.
template <class O, class R>
away_step_frank_wolfe(O, R, frank_wolfe_params) -> away_step_frank_wolfe<O, R>;

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_AWAY_STEP_FRANK_WOLFE_HPP
