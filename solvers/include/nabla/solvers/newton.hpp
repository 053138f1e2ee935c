#ifndef NABLA_SOLVERS_NEWTON_HPP
#define NABLA_SOLVERS_NEWTON_HPP

//! \file
//! \brief Newton's method with a line search and a shifted (modified) Cholesky factorisation.

#include <nabla/solvers/callbacks.hpp>
#include <nabla/solvers/detail/cholesky.hpp>
#include <nabla/solvers/detail/descent_driver.hpp>
#include <nabla/solvers/detail/session.hpp>
#include <nabla/solvers/line_search/backtracking.hpp>
#include <nabla/solvers/objective.hpp>
#include <nabla/solvers/params.hpp>
#include <nabla/solvers/result.hpp>
#include <nabla/solvers/stopping.hpp>

#include <cstddef>
#include <limits>
#include <span>
#include <vector>

namespace nabla::solvers {

//! \brief Parameters of newton.
struct newton_params {
    stopping_params stop{.max_iterations = 200}; //!< stopping tests; default 200 iterations
    double shift_beta = 1e-6; //!< \f$ \beta \f$ of the diagonal shift, relative to \f$
                              //!< \max(1,\max_i|H_{ii}|) \f$ (default 1e-6: larger shifts
                              //!< flatten the step where the Hessian is nearly singular)
    //! Throws std::invalid_argument naming the bad member.
    void validate() const {
        stop.validate();
        detail::require_positive("newton_params::shift_beta", shift_beta);
    }
};

//! \brief Newton's method: solve \f$ (\nabla^2 f(x_k) + \tau_k I)\, d_k = -\nabla f(x_k) \f$,
//! then \f$ x_{k+1} = x_k + \alpha_k d_k \f$ with \f$ \alpha_k \f$ from the line search (first
//! trial 1).
//!
//! \f$ \tau_k = 0 \f$ when the Hessian is positive definite (then convergence is quadratic near
//! a nondegenerate minimiser); otherwise the smallest of \f$ \beta, 2\beta, 4\beta, \ldots \f$
//! that makes the Cholesky factorisation succeed, which turns the step into a descent direction
//! on indefinite Hessians. Needs `value_gradient_hessian` or `hessian_vector` (then the Hessian
//! is assembled from \f$ n \f$ products). For small to medium \f$ n \f$ (dense \f$ O(n^3) \f$
//! factorisation) and high-accuracy solutions, e.g. in multiprecision.
template <class LineSearch = backtracking>
class newton {
public:
    newton_params params{};   //!< parameters
    LineSearch line_search{}; //!< line-search policy

    constexpr newton() = default;
    //! From parameters and optionally a line search.
    constexpr explicit newton(newton_params p, LineSearch ls = {}) : params(p), line_search(ls) {}

    //! Minimises `f` from `x0`; `cb` is called after every iteration.
    template <class F, class X, class C = no_callback>
    auto minimize(const F& f, const X& x0, C cb = {}) const {
        using T = scalar_type_t<F, X>;
        static_assert(detail::check_second_order<F, T>());
        return detail::run_line_search_method<T>(
            f, x0, cb, params, line_search, [&](std::size_t n) {
                return newton_direction<T>{n, T(params.shift_beta)};
            });
    }

private:
    template <class T>
    struct newton_direction {
        newton_direction(std::size_t n, T beta) : n(n), beta(beta), h(n * n), l(n * n) {}
        std::size_t n;
        T beta;
        std::vector<T> h, l;

        template <class S>
        T direction(S& s, std::span<const T> x, std::span<const T> g, std::span<T> d) {
            s.eval.hessian(x, std::span<T>(h));
            if (!all_finite<T>(h))
                return std::numeric_limits<T>::quiet_NaN(); // driver falls back to -g
            const T tau = detail::shifted_cholesky(h, n, l, beta);
            if (tau < T(0))
                return std::numeric_limits<T>::quiet_NaN();
            for (std::size_t i = 0; i < n; ++i)
                d[i] = -g[i];
            detail::cholesky_solve(l, n, d);
            return T(1);
        }
        void update(std::span<const T>, std::span<const T>) {}
        void reset() {}
    };
};

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_NEWTON_HPP
