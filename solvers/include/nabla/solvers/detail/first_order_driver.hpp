#ifndef NABLA_SOLVERS_DETAIL_FIRST_ORDER_DRIVER_HPP
#define NABLA_SOLVERS_DETAIL_FIRST_ORDER_DRIVER_HPP

//! \file
//! \brief The loop shared by fixed-step first-order methods (momentum, Nesterov, AdaGrad,
//! RMSProp, Adam, subgradient).
//!
//! An update rule `R` provides
//! `void delta(std::size_t k, const T& s, std::span<const T> g, std::span<T> dx)`: the step
//! \f$ \Delta x_k \f$ from the (clipped) (sub)gradient \f$ g_k \f$, with the learning rate
//! multiplied by the schedule factor \f$ s = s(k) \f$. A trial
//! \f$ x_k + \Delta x_k \f$ whose value or gradient is NaN/Inf is rejected and the step halved,
//! up to `max_shrinks` times; then the run stops with status::non_finite. Since these methods
//! are not monotone, the best finite iterate is returned on every non-converged stop.

#include <nabla/solvers/detail/session.hpp>
#include <nabla/solvers/first_order_options.hpp>
#include <nabla/solvers/vector_ops.hpp>

#include <cstddef>
#include <span>
#include <vector>

namespace nabla::solvers::detail {

template <class T, class S, class R>
result<T> first_order_loop(S& s, R& rule, std::vector<T> x, std::size_t max_shrinks,
                           const gradient_clip& clip = {}, const lr_schedule& schedule = {}) {
    const std::size_t n = x.size();
    std::vector<T> g(n), xn(n), gn(n), dx(n), gc;
    T f = s.eval.value_gradient(std::span<const T>(x), std::span<T>(g));
    if (!is_finite(f) || !all_finite<T>(g))
        return s.finish(status::non_finite, std::move(x), f, T(0), 0, "at the start point x0");
    T gnorm = norm2<T>(g);
    best_iterate<T> best;
    best.offer(x, f, gnorm);
    auto give_best = [&](status st, std::size_t k, const std::string& why = {}) {
        return s.finish(st, std::move(best.x), best.f, best.gradient_norm, k, why);
    };
    s.tests.start(f);
    if (auto st = s.report(0, x, f, gnorm, T(0)))
        return give_best(*st, 0);
    for (std::size_t k = 0;; ++k) {
        if (auto st = s.tests.gradient(f, gnorm))
            return s.finish(*st, std::move(x), f, gnorm, k);
        if (auto st = s.limits(k))
            return give_best(*st, k);
        std::span<const T> gu(g);
        if (clip.active()) { // the rule sees the clipped gradient; the tests the true one
            gc = g;
            clip.apply(std::span<T>(gc));
            gu = std::span<const T>(gc);
        }
        rule.delta(k, T(schedule.factor(k)), gu, std::span<T>(dx));
        T scale = T(1), fn{};
        bool ok = false;
        for (std::size_t t = 0; t <= max_shrinks && !s.eval.exhausted(); ++t) {
            add_scaled<T>(x, scale, dx, xn);
            fn = s.eval.value_gradient(std::span<const T>(xn), std::span<T>(gn));
            if (is_finite(fn) && all_finite<T>(gn)) {
                ok = true;
                break;
            }
            scale /= 2;
        }
        if (!ok) {
            if (s.eval.exhausted())
                return give_best(status::evaluation_limit, k);
            return give_best(status::non_finite, k,
                             "the step was halved without reaching a finite value");
        }
        const T step = scale * norm2<T>(dx);
        x.swap(xn);
        g.swap(gn);
        f = fn;
        gnorm = norm2<T>(g);
        best.offer(x, f, gnorm);
        if (auto st = s.report(k + 1, x, f, gnorm, step))
            return give_best(*st, k + 1);
        if (auto st = s.tests.after_step(f, step, norm2<T>(x))) {
            if (auto sg = s.tests.gradient(f, gnorm))
                st = sg;
            return s.finish(*st, std::move(x), f, gnorm, k + 1);
        }
    }
}

} // namespace nabla::solvers::detail

#endif // NABLA_SOLVERS_DETAIL_FIRST_ORDER_DRIVER_HPP
