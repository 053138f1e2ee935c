#ifndef NABLA_SOLVERS_DETAIL_DESCENT_DRIVER_HPP
#define NABLA_SOLVERS_DETAIL_DESCENT_DRIVER_HPP

//! \file
//! \brief The loop shared by line-search descent methods (gradient descent, BFGS, L-BFGS, Newton).
//!
//! A direction policy `D` provides
//! - `T direction(S& session, std::span<const T> x, std::span<const T> g, std::span<T> d)`:
//!   writes a search direction, returns the first trial step \f$ \alpha_0 \f$;
//! - `void update(std::span<const T> s, std::span<const T> y)` with \f$ s = x_{k+1}-x_k \f$,
//!   \f$ y = g_{k+1}-g_k \f$;
//! - `void reset()`: forget curvature information (after a non-descent direction).

#include <nabla/solvers/detail/session.hpp>
#include <nabla/solvers/line_search/common.hpp>
#include <nabla/solvers/vector_ops.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace nabla::solvers::detail {

template <class T, class S, class LS, class D>
result<T> descent_loop(S& s, const LS& ls, D& dir, std::vector<T> x) {
    using std::abs;
    using std::sqrt;
    const std::size_t n = x.size();
    std::vector<T> g(n), d(n), xn(n), gn(n), sv(n), yv(n);
    T f = s.eval.value_gradient(std::span<const T>(x), std::span<T>(g));
    if (!is_finite(f) || !all_finite<T>(g))
        return s.finish(status::non_finite, std::move(x), f, T(0), 0, "at the start point x0");
    T gnorm = norm2<T>(g);
    s.tests.start(f);
    if (auto st = s.report(0, x, f, gnorm, T(0)))
        return s.finish(*st, std::move(x), f, gnorm, 0);
    for (std::size_t k = 0;; ++k) {
        if (auto st = s.tests.gradient(f, gnorm))
            return s.finish(*st, std::move(x), f, gnorm, k);
        if (auto st = s.limits(k))
            return s.finish(*st, std::move(x), f, gnorm, k);
        T alpha0 = dir.direction(s, std::span<const T>(x), std::span<const T>(g), std::span<T>(d));
        T dg = dot<T>(g, d);
        bool steepest = false;
        auto use_steepest = [&] {
            dir.reset();
            for (std::size_t i = 0; i < n; ++i)
                d[i] = -g[i];
            dg = -gnorm * gnorm;
            alpha0 = T(1) / (gnorm > T(1) ? gnorm : T(1));
            steepest = true;
        };
        if (!(dg < T(0)) || !is_finite(dg) || !all_finite<T>(d) || !is_finite(alpha0))
            use_steepest();
        auto r =
            ls.search(s.eval, std::span<const T>(x), f, dg, std::span<const T>(d), alpha0, xn, gn);
        if (r.status != line_search_status::ok && !steepest &&
            r.status != line_search_status::budget) {
            use_steepest(); // the model direction failed: retry once along -g
            r = ls.search(s.eval, std::span<const T>(x), f, dg, std::span<const T>(d), alpha0, xn,
                          gn);
        }
        switch (r.status) {
        case line_search_status::ok:
            break;
        case line_search_status::budget:
            return s.finish(status::evaluation_limit, std::move(x), f, gnorm, k);
        case line_search_status::non_finite:
            return s.finish(status::non_finite, std::move(x), f, gnorm, k,
                            "NaN/Inf line-search trials; no finite acceptable step was found");
        case line_search_status::unbounded:
            return s.finish(status::line_search_failed, std::move(x), f, gnorm, k,
                            "f kept decreasing as the step grew (unbounded below?)");
        case line_search_status::roundoff:
            return s.finish(status::roundoff_limited, std::move(x), f, gnorm, k,
                            "the line search interval shrank below the precision of x");
        case line_search_status::failed:
            return s.finish(status::line_search_failed, std::move(x), f, gnorm, k);
        }
        for (std::size_t i = 0; i < n; ++i) {
            sv[i] = xn[i] - x[i];
            yv[i] = gn[i] - g[i];
        }
        dir.update(std::span<const T>(sv), std::span<const T>(yv));
        const T step = norm2<T>(sv);
        x.swap(xn);
        g.swap(gn);
        f = r.f;
        gnorm = norm2<T>(g);
        if (auto st = s.accepted(k + 1, x, f, gnorm, step))
            return s.finish(*st, std::move(x), f, gnorm, k + 1);
    }
}

//! The body of `minimize` shared by the line-search methods (gradient descent, L-BFGS, BFGS,
//! Newton, natural gradient): checks the objective, validates the parameters and the line
//! search, checks the start point, then runs descent_loop with the direction policy
//! `make_direction(n)` returns.
template <class T, class F, class X, class C, class P, class LS, class M>
result<T> run_line_search_method(const F& f, const X& x0, C& cb, const P& params, const LS& ls,
                                 M make_direction) {
    static_assert(check_objective<F, T, X>());
    params.validate();
    ls.validate();
    auto x = start_point<T>(f, x0);
    session<T, F, C> s(f, params.stop, cb);
    auto dir = make_direction(x.size());
    return descent_loop<T>(s, ls, dir, std::move(x));
}

} // namespace nabla::solvers::detail

#endif // NABLA_SOLVERS_DETAIL_DESCENT_DRIVER_HPP
