#ifndef NABLA_SOLVERS_LINE_SEARCH_BACKTRACKING_HPP
#define NABLA_SOLVERS_LINE_SEARCH_BACKTRACKING_HPP

//! \file
//! \brief Backtracking line search with the Armijo (sufficient decrease) condition.

#include <nabla/solvers/line_search/common.hpp>
#include <nabla/solvers/params.hpp>

#include <cstddef>
#include <span>
#include <vector>

namespace nabla::solvers {

//! \brief Backtracking Armijo line search.
//!
//! Tries \f$ \alpha_0, \rho\alpha_0, \rho^2\alpha_0, \dots \f$ and accepts the first step with
//! \f[ f(x+\alpha d) \le f(x) + c_1 \alpha \nabla f(x)^\top d \f]
//! (or its derivative form where rounding hides the decrease, see detail::sufficient_decrease).
//! A NaN/Inf trial is treated as a failed trial (the step is shrunk).
//! Cheap and robust; enough for gradient descent and Newton. Quasi-Newton methods want
//! strong_wolfe, whose curvature condition keeps their updates positive definite.
struct backtracking {
    double c1 = 1e-4;            //!< \f$ c_1 \in (0,1) \f$, sufficient decrease (default 1e-4)
    double shrink = 0.5;         //!< \f$ \rho \in (0,1) \f$, step reduction (default 0.5)
    std::size_t max_trials = 60; //!< trials before giving up (default 60)

    //! Throws std::invalid_argument naming the bad member.
    void validate() const {
        detail::require_open_interval("backtracking::c1", c1, 0.0, 1.0);
        detail::require_open_interval("backtracking::shrink", shrink, 0.0, 1.0);
        detail::require_at_least_one("backtracking::max_trials", max_trials);
    }

    //! See line_search/common.hpp.
    template <class E, class T>
    line_search_result<T> search(E& eval, std::span<const T> x, const T& f0, const T& dg0,
                                 std::span<const T> d, T alpha, std::vector<T>& xn,
                                 std::vector<T>& gn) const {
        bool any_non_finite = false;
        for (std::size_t i = 0; i < max_trials; ++i) {
            if (eval.exhausted())
                return {line_search_status::budget, alpha, f0};
            if (detail::step_is_negligible<T>(x, d, alpha))
                return {any_non_finite ? line_search_status::non_finite
                                       : line_search_status::roundoff,
                        alpha, f0};
            T f{}, dg{};
            if (detail::line_trial<E, T>(eval, x, d, alpha, xn, gn, f, dg)) {
                if (detail::sufficient_decrease<T>(f0, dg0, alpha, f, dg, T(c1)))
                    return {line_search_status::ok, alpha, f};
            } else {
                any_non_finite = true;
            }
            alpha *= T(shrink);
        }
        return {any_non_finite ? line_search_status::non_finite : line_search_status::failed, alpha,
                f0};
    }
};

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_LINE_SEARCH_BACKTRACKING_HPP
