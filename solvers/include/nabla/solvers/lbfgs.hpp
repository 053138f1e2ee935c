#ifndef NABLA_SOLVERS_LBFGS_HPP
#define NABLA_SOLVERS_LBFGS_HPP

//! \file
//! \brief Limited-memory BFGS (two-loop recursion) with a strong Wolfe line search.

#include <nabla/solvers/callbacks.hpp>
#include <nabla/solvers/detail/descent_driver.hpp>
#include <nabla/solvers/detail/session.hpp>
#include <nabla/solvers/line_search/strong_wolfe.hpp>
#include <nabla/solvers/objective.hpp>
#include <nabla/solvers/params.hpp>
#include <nabla/solvers/result.hpp>
#include <nabla/solvers/stopping.hpp>

#include <cstddef>
#include <limits>
#include <span>
#include <vector>

namespace nabla::solvers {

//! \brief Parameters of lbfgs.
struct lbfgs_params {
    stopping_params stop{}; //!< stopping tests (default: gtol_rel 1e-8, 1000 iterations)
    std::size_t m = 6;      //!< history length \f$ m \ge 1 \f$ (default 6)
    //! Throws std::invalid_argument naming the bad member.
    void validate() const {
        stop.validate();
        detail::require_at_least_one("lbfgs_params::m", m);
    }
};

//! \brief L-BFGS: \f$ x_{k+1} = x_k - \alpha_k H_k \nabla f(x_k) \f$ where \f$ H_k \f$ is the
//! BFGS inverse-Hessian built from the last \f$ m \f$ pairs \f$ s_i = x_{i+1}-x_i \f$,
//! \f$ y_i = g_{i+1}-g_i \f$ on top of \f$ H^0 = \frac{s^\top y}{y^\top y} I \f$, applied by the
//! two-loop recursion in \f$ O(mn) \f$.
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
            [&](std::size_t n) { return two_loop<T>(n, params.m); });
    }

private:
    template <class T>
    struct two_loop {
        two_loop(std::size_t n, std::size_t m) : s(m, std::vector<T>(n)), y(s), rho(m), a(m) {}
        std::vector<std::vector<T>> s, y; // ring buffers
        std::vector<T> rho, a;
        std::size_t head = 0, count = 0;
        T gamma = T(1);

        template <class S>
        T direction(S&, std::span<const T>, std::span<const T> g, std::span<T> d) {
            const std::size_t m = s.size();
            for (std::size_t i = 0; i < g.size(); ++i)
                d[i] = -g[i];
            if (count == 0) {
                const T gn = norm2<T>(g);
                return T(1) / (gn > T(1) ? gn : T(1));
            }
            for (std::size_t j = 0; j < count; ++j) { // newest to oldest
                const std::size_t i = (head + m - 1 - j) % m;
                a[i] = rho[i] * dot<T>(s[i], std::span<const T>(d.data(), d.size()));
                axpy<T>(-a[i], y[i], d);
            }
            scale<T>(gamma, d);
            for (std::size_t j = count; j-- > 0;) { // oldest to newest
                const std::size_t i = (head + m - 1 - j) % m;
                const T b = rho[i] * dot<T>(y[i], std::span<const T>(d.data(), d.size()));
                axpy<T>(a[i] - b, s[i], d);
            }
            return T(1);
        }
        void update(std::span<const T> sv, std::span<const T> yv) {
            const T sy = dot<T>(sv, yv), yy = dot<T>(yv, yv);
            if (!(sy > std::numeric_limits<T>::epsilon() * yy) || !is_finite(sy) || !is_finite(yy))
                return; // curvature condition violated: skip the pair
            const std::size_t m = s.size();
            s[head].assign(sv.begin(), sv.end());
            y[head].assign(yv.begin(), yv.end());
            rho[head] = T(1) / sy;
            gamma = sy / yy;
            head = (head + 1) % m;
            if (count < m)
                ++count;
        }
        void reset() {
            count = 0;
            head = 0;
        }
    };
};

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_LBFGS_HPP
