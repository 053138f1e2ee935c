#ifndef NABLA_SOLVERS_DETAIL_STOCHASTIC_DRIVER_HPP
#define NABLA_SOLVERS_DETAIL_STOCHASTIC_DRIVER_HPP

//! \file
//! \brief The epoch loop of stochastic and mini-batch runs of the first-order methods.
//!
//! Each epoch shuffles the sample indices (a fresh permutation), walks them in batches of
//! \f$ b \f$ and applies the update rule (the same `delta` interface as first_order_loop) to
//! each mini-batch gradient \f$ \nabla f_B \f$; the schedule factor is \f$ s(e) \f$ for epoch
//! \f$ e \f$. At the end of every epoch the full objective and gradient are evaluated (one more
//! pass), so the history, the callback, the convergence tests and the returned `f` are about
//! \f$ f \f$ itself, never a noisy batch estimate: status::converged_* means a test held for the
//! full gradient. A run that completes its epochs ends with status::epoch_limit and returns the
//! best end-of-epoch iterate. A NaN/Inf batch value or gradient halves the last step (up to
//! `max_shrinks` times), as in the deterministic loop.

#include <nabla/solvers/detail/session.hpp>
#include <nabla/solvers/first_order_options.hpp>
#include <nabla/solvers/stochastic_options.hpp>
#include <nabla/solvers/vector_ops.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <random>
#include <span>
#include <stdexcept>
#include <vector>

namespace nabla::solvers::detail {

//! A uniform index in \f$ [0, m) \f$ from `rng` without modulo bias (rejection sampling), so the
//! shuffle depends only on the standard-specified output of `std::mt19937_64`.
inline std::size_t uniform_below(std::mt19937_64& rng, std::uint64_t m) {
    const std::uint64_t limit = std::uint64_t(-1) - std::uint64_t(-1) % m;
    std::uint64_t r = rng();
    while (r >= limit)
        r = rng();
    return static_cast<std::size_t>(r % m);
}

//! Fisher-Yates shuffle of `v` (every permutation equally likely).
inline void shuffle_indices(std::vector<std::size_t>& v, std::mt19937_64& rng) {
    for (std::size_t i = v.size(); i > 1; --i)
        std::swap(v[i - 1], v[uniform_below(rng, i)]);
}

template <class T, class S, class R>
result<T> stochastic_loop(S& s, R& rule, std::vector<T> x, const stochastic_options& o,
                          std::size_t max_shrinks, const gradient_clip& clip,
                          const lr_schedule& schedule) {
    const std::size_t n = x.size();
    const auto m = static_cast<std::size_t>(s.eval.objective().sample_count());
    if (m == 0)
        throw std::invalid_argument("the finite-sum objective has sample_count() == 0");
    std::vector<std::size_t> all(m), order(m);
    std::iota(all.begin(), all.end(), std::size_t{0});
    order = all;
    std::vector<T> g(n), gb(n), dx(n), prev(n), start(n), gc;
    bool have_step = false;
    // f_B at x (B = idx); a NaN/Inf halves the last step x = prev + dx up to max_shrinks times.
    auto evaluate = [&](std::span<const std::size_t> idx, std::vector<T>& gv, T& fv) {
        T h(1);
        for (std::size_t t = 0;; ++t) {
            fv = s.eval.value_gradient_sample(std::span<const T>(x), idx, std::span<T>(gv));
            if (is_finite(fv) && all_finite<T>(gv))
                return true;
            if (!have_step || t == max_shrinks || s.eval.exhausted())
                return false;
            h /= 2;
            add_scaled<T>(prev, h, dx, x);
        }
    };
    T f{};
    if (!evaluate(all, g, f))
        return s.finish(status::non_finite, std::move(x), f, T(0), 0, "at the start point x0");
    T gnorm = norm2<T>(g);
    best_iterate<T> best;
    if (auto st = s.begin(best, x, f, gnorm))
        return best.finish(s, *st, 0);
    std::mt19937_64 rng(o.seed);
    const std::size_t b = std::min(o.batch_size, m);
    std::size_t updates = 0;
    for (std::size_t e = 0;; ++e) {
        if (auto st = s.tests.gradient(f, gnorm))
            return s.finish(*st, std::move(x), f, gnorm, e);
        if (e >= o.epochs)
            return best.finish(s, status::epoch_limit, e);
        shuffle_indices(order, rng);
        const T factor(schedule.factor(e));
        start = x;
        for (std::size_t i0 = 0; i0 < m; i0 += b) {
            if (auto st = s.limits(e))
                return best.finish(s, *st, e);
            const auto batch = std::span<const std::size_t>(order).subspan(i0, std::min(b, m - i0));
            T fb{};
            if (!evaluate(batch, gb, fb))
                return best.finish_non_finite(s, e);
            rule.delta(updates++, factor, clip.applied<T>(gb, gc), std::span<T>(dx));
            prev = x;
            add_scaled<T>(prev, T(1), dx, x);
            have_step = true;
        }
        if (!evaluate(all, g, f))
            return best.finish_non_finite(s, e + 1);
        gnorm = norm2<T>(g);
        best.offer(x, f, gnorm);
        if (auto st = s.accepted(e + 1, x, f, gnorm, distance<T>(x, start)))
            return is_converged(*st) ? s.finish(*st, std::move(x), f, gnorm, e + 1)
                                     : best.finish(s, *st, e + 1);
    }
}

} // namespace nabla::solvers::detail

#endif // NABLA_SOLVERS_DETAIL_STOCHASTIC_DRIVER_HPP
