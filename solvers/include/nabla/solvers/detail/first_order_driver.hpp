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

#include <array>
#include <cstddef>
#include <span>
#include <utility>
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
    if (auto st = s.begin(best, x, f, gnorm))
        return best.finish(s, *st, 0);
    for (std::size_t k = 0;; ++k) {
        if (auto st = s.tests.gradient(f, gnorm))
            return s.finish(*st, std::move(x), f, gnorm, k);
        if (auto st = s.limits(k))
            return best.finish(s, *st, k);
        // the rule sees the clipped gradient; the tests the true one
        rule.delta(k, T(schedule.factor(k)), clip.applied<T>(g, gc), std::span<T>(dx));
        T scale = T(1), fn{};
        bool ok = false;
        for (std::size_t t = 0; t <= max_shrinks && !s.eval.exhausted() && !ok; ++t) {
            add_scaled<T>(x, scale, dx, xn);
            fn = s.eval.value_gradient(std::span<const T>(xn), std::span<T>(gn));
            ok = is_finite(fn) && all_finite<T>(gn);
            if (!ok)
                scale /= 2;
        }
        if (!ok)
            return best.finish_non_finite(s, k);
        const T step = scale * norm2<T>(dx);
        x.swap(xn);
        g.swap(gn);
        f = fn;
        gnorm = norm2<T>(g);
        best.offer(x, f, gnorm);
        if (auto st = s.accepted(k + 1, x, f, gnorm, step))
            return is_converged(*st) ? s.finish(*st, std::move(x), f, gnorm, k + 1)
                                     : best.finish(s, *st, k + 1);
    }
}

//! Adapts an element-wise update rule (see first_order_method) to the `delta` interface: owns
//! the rule's per-coordinate state vectors (zero at the start) and applies
//! `Rule::coordinate_update` to every coordinate.
template <class Rule, class T>
class elementwise_update {
public:
    //! The rule's parameters (kept by reference: they outlive the run).
    using params_type = typename Rule::params_type;
    //! State vectors of length `n`, all zero.
    elementwise_update(const params_type& p, std::size_t n) : p_(p) {
        for (auto& v : state_)
            v.assign(n, T(0));
    }
    //! The update \f$ \Delta x \f$ of update number `k` (from 0) with learning rate
    //! \f$ \eta\, s \f$.
    void delta(std::size_t k, const T& s, std::span<const T> g, std::span<T> dx) {
        const T lr = T(p_.learning_rate) * s;
        apply(Rule::template coordinate_update<T>(p_, lr, k + 1), g, dx,
              std::make_index_sequence<Rule::state_size>{});
    }

private:
    template <class U, std::size_t... I>
    void apply(const U& u, std::span<const T> g, std::span<T> dx, std::index_sequence<I...>) {
        for (std::size_t i = 0; i < g.size(); ++i)
            dx[i] = u(g[i], state_[I][i]...);
    }
    const params_type& p_;
    std::array<std::vector<T>, Rule::state_size> state_;
};

} // namespace nabla::solvers::detail

#endif // NABLA_SOLVERS_DETAIL_FIRST_ORDER_DRIVER_HPP
