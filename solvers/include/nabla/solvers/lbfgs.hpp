#ifndef NABLA_SOLVERS_LBFGS_HPP
#define NABLA_SOLVERS_LBFGS_HPP

//! \file
//! \brief Limited-memory BFGS (compact representation) with a strong Wolfe line search.

#include <nabla/solvers/callbacks.hpp>
#include <nabla/solvers/detail/descent_driver.hpp>
#include <nabla/solvers/detail/lbfgs_memory.hpp>
#include <nabla/solvers/detail/session.hpp>
#include <nabla/solvers/line_search/strong_wolfe.hpp>
#include <nabla/solvers/objective.hpp>
#include <nabla/solvers/params.hpp>
#include <nabla/solvers/result.hpp>
#include <nabla/solvers/stopping.hpp>
#include <nabla/solvers/vector_ops.hpp>

#include <cstddef>
#include <span>

namespace nabla::solvers {

//! \brief Parameters of lbfgs.
struct lbfgs_params {
    stopping_params stop{}; //!< stopping tests (default: gtol_rel 1e-8, 1000 iterations)
    std::size_t m = 6;      //!< history length \f$ m \ge 1 \f$ (default 6)
    //! Before stopping, check the Hessian's least curvature when the objective has a Hessian
    //! or Hessian-vector products, and leave a saddle point along negative curvature (default
    //! true; costs one Hessian, or at most 12 Hessian-vector products, per convergence).
    bool check_curvature = true;
    //! Throws std::invalid_argument naming the bad member.
    void validate() const {
        stop.validate();
        detail::require_at_least_one("lbfgs_params::m", m);
    }
};

//! \brief L-BFGS: \f$ x_{k+1} = x_k - \alpha_k H_k \nabla f(x_k) \f$ where \f$ H_k \f$ is the
//! BFGS inverse-Hessian built from the last \f$ m \f$ pairs \f$ s_i = x_{i+1}-x_i \f$,
//! \f$ y_i = g_{i+1}-g_i \f$ on top of \f$ H^0 = \frac{s^\top y}{y^\top y} I \f$ (the matrix
//! of the two-loop recursion), applied in \f$ O(mn) \f$ through its compact representation
//! (see detail::lbfgs_memory).
//!
//! Pairs with \f$ s^\top y \le \varepsilon\, y^\top y \f$ are skipped, so \f$ H_k \f$ stays
//! positive definite. The default choice for smooth unconstrained problems of any size.
//! \code
//! auto r = nabla::solvers::lbfgs{{.m = 10}}.minimize(f, std::array{-1.2, 1.0});
//! \endcode
template <class LineSearch = strong_wolfe>
class lbfgs {
public:
    lbfgs_params params{};    //!< parameters
    LineSearch line_search{}; //!< line-search policy

    constexpr lbfgs() = default;
    //! From parameters and optionally a line search.
    constexpr explicit lbfgs(lbfgs_params p, LineSearch ls = {}) : params(p), line_search(ls) {}

    //! Minimises `f` from `x0`; `cb` is called after every iteration.
    template <class F, class X, class C = no_callback>
    auto minimize(const F& f, const X& x0, C cb = {}) const {
        using T = scalar_type_t<F, X>;
        return detail::run_line_search_method<T>(
            f, x0, cb, params, line_search,
            [&](std::size_t n) { return memory<T>(n, params.m, params.check_curvature); });
    }

private:
    //! The direction policy of the descent driver.
    template <class T>
    struct memory : detail::lbfgs_memory<T> {
        memory(std::size_t n, std::size_t m, bool check)
            : detail::lbfgs_memory<T>(n, m), check(check) {}
        bool check;
        bool checks_curvature() const { return check; }
        template <class S>
        T direction(S&, std::span<const T>, std::span<const T> g, std::span<T> d, T& dg) {
            return detail::lbfgs_memory<T>::direction(g, d, dg);
        }
    };
};

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_LBFGS_HPP
