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

} // namespace detail
} // namespace nabla::solvers

#endif // NABLA_SOLVERS_FRANK_WOLFE_COMMON_HPP
