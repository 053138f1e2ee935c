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
        return detail::run_frank_wolfe<T>(
            f, x0, cb, oracle, step_rule, params,
            [this](std::span<const T>) { return to_vertex<T>{oracle}; });
    }

private:
    //! \f$ d = s - x \f$ with \f$ s \f$ the oracle's minimiser of \f$ \langle g, s\rangle \f$.
    template <class T>
    struct to_vertex {
        const Oracle& oracle;
        std::vector<T> s{};
        T direction(std::span<const T> x, std::span<const T> g, std::span<T> d, T&) {
            s.resize(x.size());
            oracle.lmo(g, std::span<T>(s));
            for (std::size_t i = 0; i < x.size(); ++i)
                d[i] = s[i] - x[i];
            return -dot<T>(g, std::span<const T>(d));
        }
        void accepted(const T&, const T&) {}
    };
};

//! Deduction guides: `frank_wolfe{simplex{}}`, `frank_wolfe{l1_ball{2.0}, backtracking_step{}}`.
template <class O>
frank_wolfe(O) -> frank_wolfe<O, open_loop_step>;
//! Deduction guide: `frank_wolfe{l1_ball{2.0}, backtracking_step{}}`.
template <class O, class R>
frank_wolfe(O, R) -> frank_wolfe<O, R>;
//! Deduction guide: an oracle, a step rule and the parameters.
template <class O, class R>
frank_wolfe(O, R, frank_wolfe_params) -> frank_wolfe<O, R>;

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_FRANK_WOLFE_HPP
