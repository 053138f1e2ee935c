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
//!
//! Optionally (L-BFGS): `T direction(session, x, g, d, T& dg)`, which also writes
//! \f$ g^\top d \f$; and, to store the pair without a copy:
//! - `std::pair<std::span<T>, std::span<T>> next_pair()`: where to write \f$ s \f$ and \f$ y \f$;
//! - `void update(s, y, sy, yy)`: as update(s, y), with \f$ s^\top y \f$ and \f$ y^\top y \f$.
//!
//! Optionally (quasi-Newton methods): `bool checks_curvature() const`; when true and a
//! convergence test holds, the Hessian's least curvature is checked and a saddle point left
//! along negative curvature (leave_saddle) before the run may stop, at most 10 times a run.

#include <nabla/solvers/detail/curvature_check.hpp>
#include <nabla/solvers/detail/session.hpp>
#include <nabla/solvers/line_search/common.hpp>
#include <nabla/solvers/vector_ops.hpp>

#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <tuple>
#include <vector>

namespace nabla::solvers::detail {

//! The dot products descent_loop needs after a step (see step_pair).
template <class T>
struct step_dots {
    T ss, gg, sy, yy;
};

//! One pass for what follows an accepted step: \f$ s = x_n - x \f$, \f$ y = g_n - g \f$,
//! \f$ s^\top s \f$, \f$ g_n^\top g_n \f$ and, if `Curvature`, \f$ s^\top y \f$,
//! \f$ y^\top y \f$. Each sum is formed exactly as dot() forms it (same blocking, same order),
//! so the results are those of separate dot() calls.
template <bool Curvature, class T>
step_dots<T> step_pair(std::span<const T> x, std::span<const T> xn, std::span<const T> g,
                       std::span<const T> gn, std::span<T> s, std::span<T> y) {
    const std::size_t n = x.size();
    std::size_t i = 0;
    step_dots<T> r{T(0), T(0), T(0), T(0)};
#if NABLA_SOLVERS_HAS_XSIMD
    if constexpr (simd_scalar<T>) {
        using batch = xsimd::batch<T>;
        constexpr std::size_t w = batch::size;
        batch ss0(T(0)), ss1(T(0)), gg0(T(0)), gg1(T(0)), sy0(T(0)), sy1(T(0)), yy0(T(0)),
            yy1(T(0));
        for (; i + 2 * w <= n; i += 2 * w) {
            const batch g0 = xsimd::load_unaligned(gn.data() + i);
            const batch g1 = xsimd::load_unaligned(gn.data() + i + w);
            const batch s0 =
                xsimd::load_unaligned(xn.data() + i) - xsimd::load_unaligned(x.data() + i);
            const batch s1 =
                xsimd::load_unaligned(xn.data() + i + w) - xsimd::load_unaligned(x.data() + i + w);
            const batch y0 = g0 - xsimd::load_unaligned(g.data() + i);
            const batch y1 = g1 - xsimd::load_unaligned(g.data() + i + w);
            s0.store_unaligned(s.data() + i);
            s1.store_unaligned(s.data() + i + w);
            y0.store_unaligned(y.data() + i);
            y1.store_unaligned(y.data() + i + w);
            ss0 += s0 * s0;
            ss1 += s1 * s1;
            gg0 += g0 * g0;
            gg1 += g1 * g1;
            if constexpr (Curvature) {
                sy0 += s0 * y0;
                sy1 += s1 * y1;
                yy0 += y0 * y0;
                yy1 += y1 * y1;
            }
        }
        if (i + w <= n) { // one more whole batch, as dot() does
            const batch g0 = xsimd::load_unaligned(gn.data() + i);
            const batch s0 =
                xsimd::load_unaligned(xn.data() + i) - xsimd::load_unaligned(x.data() + i);
            const batch y0 = g0 - xsimd::load_unaligned(g.data() + i);
            s0.store_unaligned(s.data() + i);
            y0.store_unaligned(y.data() + i);
            ss0 += s0 * s0;
            gg0 += g0 * g0;
            if constexpr (Curvature) {
                sy0 += s0 * y0;
                yy0 += y0 * y0;
            }
            i += w;
        }
        r.ss = xsimd::hadd(ss0 + ss1);
        r.gg = xsimd::hadd(gg0 + gg1);
        if constexpr (Curvature) {
            r.sy = xsimd::hadd(sy0 + sy1);
            r.yy = xsimd::hadd(yy0 + yy1);
        }
    }
#endif
    for (; i < n; ++i) {
        s[i] = xn[i] - x[i];
        y[i] = gn[i] - g[i];
        r.ss += s[i] * s[i];
        r.gg += gn[i] * gn[i];
        if constexpr (Curvature) {
            r.sy += s[i] * y[i];
            r.yy += y[i] * y[i];
        }
    }
    return r;
}

template <class T, class S, class LS, class D>
result<T> descent_loop(S& s, const LS& ls, D& dir, std::vector<T> x) {
    using std::abs;
    using std::sqrt;
    const std::size_t n = x.size();
    // a policy that stores pairs itself (L-BFGS) gets them written in place: no sv, yv
    constexpr bool stores_pairs = requires(D & p) {
        p.next_pair();
    };
    constexpr bool takes_dots = requires(D & p, std::span<const T> v, const T& t) {
        p.update(v, v, t, t);
    };
    constexpr bool gives_slope =
        requires(D & p, S & ss, std::span<const T> c, std::span<T> v, T & t) {
        p.direction(ss, c, c, v, t);
    };
    std::vector<T> g(n), d(n), xn(n), gn(n), sv(stores_pairs ? 0 : n), yv(stores_pairs ? 0 : n);
    T f = s.eval.value_gradient(std::span<const T>(x), std::span<T>(g));
    if (!is_finite(f) || !all_finite<T>(g))
        return s.finish(status::non_finite, std::move(x), f, T(0), 0, "at the start point x0");
    T gnorm = norm2<T>(g);
    s.tests.start(f);
    if (auto st = s.report(0, x, f, gnorm, T(0)))
        return s.finish(*st, std::move(x), f, gnorm, 0);
    // On convergence, a quasi-Newton method that checks curvature moves off a saddle point
    // instead of stopping there; true if it did (x, g, f, gnorm are then the new point).
    std::size_t saddles_left = 0;
    T saddle_step(0);
    const auto left_saddle = [&](status st) {
        if constexpr (requires { dir.checks_curvature(); }) {
            if (!is_converged(st) || saddles_left == 10 || !dir.checks_curvature())
                return false;
            const auto lower =
                leave_saddle<T>(s.eval, std::span<const T>(x), f, std::span<const T>(g),
                                std::span<T>(xn), std::span<T>(gn));
            if (!lower)
                return false;
            ++saddles_left;
            saddle_step = T(0);
            for (std::size_t i = 0; i < n; ++i)
                saddle_step += (xn[i] - x[i]) * (xn[i] - x[i]);
            saddle_step = sqrt(saddle_step);
            x.swap(xn);
            g.swap(gn);
            f = *lower;
            gnorm = norm2<T>(g);
            dir.reset();
            return true;
        } else {
            return false;
        }
    };
    for (std::size_t k = 0;; ++k) {
        if (auto st = s.tests.gradient(f, gnorm)) {
            if (!left_saddle(*st))
                return s.finish(*st, std::move(x), f, gnorm, k);
            if (auto after = s.accepted(k + 1, x, f, gnorm, saddle_step))
                return s.finish(*after, std::move(x), f, gnorm, k + 1);
            continue;
        }
        if (auto st = s.limits(k))
            return s.finish(*st, std::move(x), f, gnorm, k);
        T dg{};
        T alpha0{};
        if constexpr (gives_slope)
            alpha0 =
                dir.direction(s, std::span<const T>(x), std::span<const T>(g), std::span<T>(d), dg);
        else {
            alpha0 =
                dir.direction(s, std::span<const T>(x), std::span<const T>(g), std::span<T>(d));
            dg = dot<T>(g, d);
        }
        bool steepest = false;
        auto use_steepest = [&] {
            dir.reset();
            for (std::size_t i = 0; i < n; ++i)
                d[i] = -g[i];
            dg = -gnorm * gnorm;
            alpha0 = T(1) / (gnorm > T(1) ? gnorm : T(1));
            steepest = true;
        };
        // g is finite, so for IEEE scalars a NaN/Inf in d makes dg NaN/Inf: no separate scan
        constexpr bool iec559 = std::numeric_limits<T>::is_iec559;
        if (!(dg < T(0)) || !is_finite(dg) || (!iec559 && !all_finite<T>(d)) || !is_finite(alpha0))
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
        std::span<T> s_k(sv), y_k(yv);
        if constexpr (stores_pairs)
            std::tie(s_k, y_k) = dir.next_pair();
        const auto p = step_pair<takes_dots, T>(x, xn, g, gn, s_k, y_k);
        if constexpr (takes_dots)
            dir.update(std::span<const T>(s_k), std::span<const T>(y_k), p.sy, p.yy);
        else
            dir.update(std::span<const T>(s_k), std::span<const T>(y_k));
        const T step = sqrt(p.ss);
        x.swap(xn);
        g.swap(gn);
        f = r.f;
        gnorm = sqrt(p.gg);
        if (auto st = s.accepted(k + 1, x, f, gnorm, step)) {
            if (!left_saddle(*st))
                return s.finish(*st, std::move(x), f, gnorm, k + 1);
        }
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
