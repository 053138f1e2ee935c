#ifndef NABLA_SOLVERS_BFGS_HPP
#define NABLA_SOLVERS_BFGS_HPP

//! \file
//! \brief Dense BFGS (inverse-Hessian update) with a strong Wolfe line search.

#include <nabla/solvers/callbacks.hpp>
#include <nabla/solvers/detail/descent_driver.hpp>
#include <nabla/solvers/detail/session.hpp>
#include <nabla/solvers/line_search/strong_wolfe.hpp>
#include <nabla/solvers/objective.hpp>
#include <nabla/solvers/result.hpp>
#include <nabla/solvers/stopping.hpp>

#include <cstddef>
#include <limits>
#include <span>
#include <vector>

namespace nabla::solvers {

//! \brief Parameters of bfgs.
struct bfgs_params {
    stopping_params stop{}; //!< stopping tests (default: gtol_rel 1e-8, 1000 iterations)
    //! Throws std::invalid_argument naming the bad member.
    void validate() const { stop.validate(); }
};

//! \brief BFGS with the dense inverse-Hessian approximation \f$ H_k \f$:
//! \f[ H_{k+1} = (I-\rho s y^\top) H_k (I - \rho y s^\top) + \rho s s^\top,\quad \rho = 1/(y^\top
//! s), \f] \f$ H_0 = \frac{s^\top y}{y^\top y} I \f$ set at the first update, direction \f$ -H_k
//! g_k \f$.
//!
//! \f$ O(n^2) \f$ memory and work per iteration: for small to medium \f$ n \f$ (up to a few
//! thousand) it usually needs fewer evaluations than lbfgs. Pairs with
//! \f$ s^\top y \le \varepsilon\, y^\top y \f$ are skipped.
template <class LineSearch = strong_wolfe>
class bfgs {
public:
    bfgs_params params{};     //!< parameters
    LineSearch line_search{}; //!< line-search policy

    constexpr bfgs() = default;
    //! From parameters and optionally a line search.
    constexpr explicit bfgs(bfgs_params p, LineSearch ls = {}) : params(p), line_search(ls) {}

    //! Minimises `f` from `x0`; `cb` is called after every iteration.
    template <class F, class X, class C = no_callback>
    auto minimize(const F& f, const X& x0, C cb = {}) const {
        using T = scalar_type_t<F, X>;
        return detail::run_line_search_method<T>(
            f, x0, cb, params, line_search, [](std::size_t n) { return inverse_hessian<T>(n); });
    }

private:
    template <class T>
    struct inverse_hessian {
        explicit inverse_hessian(std::size_t n) : n(n), h(n * n), hy(n) { reset(); }
        std::size_t n;
        std::vector<T> h, hy;
        bool fresh = true;

        template <class S>
        T direction(S&, std::span<const T>, std::span<const T> g, std::span<T> d) {
            for (std::size_t i = 0; i < n; ++i)
                d[i] = -dot<T>(std::span<const T>(h.data() + i * n, n), g);
            if (fresh) {
                const T gn = norm2<T>(g);
                return T(1) / (gn > T(1) ? gn : T(1));
            }
            return T(1);
        }
        void update(std::span<const T> s, std::span<const T> y) {
            const T sy = dot<T>(s, y), yy = dot<T>(y, y);
            if (!(sy > std::numeric_limits<T>::epsilon() * yy) || !is_finite(sy) || !is_finite(yy))
                return;
            if (fresh) { // scale H0 = (s'y / y'y) I
                for (std::size_t i = 0; i < n; ++i)
                    h[i * n + i] = sy / yy;
                fresh = false;
            }
            const T rho = T(1) / sy;
            for (std::size_t i = 0; i < n; ++i)
                hy[i] = dot<T>(std::span<const T>(h.data() + i * n, n), y);
            const T yhy = dot<T>(y, hy);
            const T c = rho * rho * yhy + rho;
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t j = 0; j < n; ++j)
                    h[i * n + j] += c * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j]);
        }
        void reset() {
            for (auto& v : h)
                v = T(0);
            for (std::size_t i = 0; i < n; ++i)
                h[i * n + i] = T(1);
            fresh = true;
        }
    };
};

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_BFGS_HPP
