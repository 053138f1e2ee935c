#ifndef NABLA_SOLVERS_DETAIL_SESSION_HPP
#define NABLA_SOLVERS_DETAIL_SESSION_HPP

//! \file
//! \brief Internals shared by all solvers: start-point checks, counted evaluation, budgets,
//! history, callbacks and the final result.

#include <nabla/solvers/callbacks.hpp>
#include <nabla/solvers/detail/run_clock.hpp>
#include <nabla/solvers/objective.hpp>
#include <nabla/solvers/result.hpp>
#include <nabla/solvers/stopping.hpp>
#include <nabla/solvers/vector_ops.hpp>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <optional>
#include <ranges>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace nabla::solvers::detail {

//! Copies a start point into a `std::vector<T>` and rejects it (std::invalid_argument naming
//! `x0`) if it is empty, has a size other than `f.dimension()`, or holds NaN/Inf.
template <class T, class F, class X>
std::vector<T> start_point(const F& f, const X& x0) {
    std::vector<T> x;
    x.reserve(std::ranges::size(x0));
    for (const auto& v : x0)
        x.push_back(static_cast<T>(v));
    if (x.empty())
        throw std::invalid_argument("x0 is empty: the start point needs n >= 1 components");
    if constexpr (sized_objective<F>) {
        const auto n = static_cast<std::size_t>(f.dimension());
        if (n != x.size())
            throw std::invalid_argument("x0 has " + std::to_string(x.size()) +
                                        " components but the objective has dimension " +
                                        std::to_string(n));
    }
    for (std::size_t i = 0; i < x.size(); ++i)
        if (!is_finite(x[i]))
            throw std::invalid_argument("x0[" + std::to_string(i) + "] is not finite (NaN or Inf)");
    return x;
}

//! Counts evaluations and enforces the evaluation budget.
template <class F, class T>
class evaluator {
public:
    evaluator(const F& f, std::size_t max_evals) : f_(f), max_(max_evals) {}

    static constexpr bool has_hessian_vector =
        hessian_vector_objective<F, T>;                                    //!< products available
    static constexpr bool has_second_order = second_order_objective<F, T>; //!< any Hessian form

    //! \f$ f(x) \f$.
    T value(std::span<const T> x) {
        ++f_evals;
        return static_cast<T>(f_.value(x));
    }
    //! \f$ f(x) \f$, \f$ g = \nabla f(x) \f$.
    T value_gradient(std::span<const T> x, std::span<T> g) {
        ++f_evals;
        ++g_evals;
        return static_cast<T>(f_.value_gradient(x, g));
    }
    //! \f$ f_B(x) \f$, \f$ g = \nabla f_B(x) \f$ over the samples `idx` of a finite-sum
    //! objective; one call counts one value and one gradient evaluation.
    T value_gradient_sample(std::span<const T> x, std::span<const std::size_t> idx,
                            std::span<T> g) {
        ++f_evals;
        ++g_evals;
        return static_cast<T>(f_.value_gradient_sample(x, idx, g));
    }
    //! The objective itself (for members the counters do not wrap, e.g. `fisher`).
    [[nodiscard]] const F& objective() const noexcept { return f_; }
    //! The dense row-major Hessian \f$ \nabla^2 f(x) \f$ into `h`. Counts one h_eval (the value
    //! and gradient computed alongside are not counted), or \f$ n \f$ if it has to be assembled
    //! from Hessian-vector products.
    void hessian(std::span<const T> x, std::span<T> h) {
        const std::size_t n = x.size();
        if constexpr (hessian_objective<F, T>) {
            ++h_evals;
            scratch_.resize(n);
            (void)f_.value_gradient_hessian(x, std::span<T>(scratch_), h);
        } else {
            std::vector<T> e(n, T(0)), col(n);
            for (std::size_t j = 0; j < n; ++j) {
                e[j] = T(1);
                hessian_vector(x, std::span<const T>(e), std::span<T>(col));
                for (std::size_t i = 0; i < n; ++i)
                    h[i * n + j] = col[i];
                e[j] = T(0);
            }
        }
    }
    //! \f$ H(x) v \f$ (objective must model hessian_vector_objective).
    void hessian_vector(std::span<const T> x, std::span<const T> v, std::span<T> hv) {
        ++h_evals;
        f_.hessian_vector(x, v, hv);
    }
    //! True once the budget of value or gradient evaluations is spent.
    [[nodiscard]] bool exhausted() const noexcept { return f_evals >= max_ || g_evals >= max_; }

    std::size_t f_evals = 0; //!< value evaluations
    std::size_t g_evals = 0; //!< gradient evaluations
    std::size_t h_evals = 0; //!< Hessian / Hessian-vector evaluations

private:
    const F& f_;
    std::size_t max_;
    std::vector<T> scratch_;
};

//! The default explanation of each status.
inline std::string default_message(status s) {
    switch (s) {
    case status::converged_gradient:
        return "gradient norm below gtol_abs";
    case status::converged_relative_gradient:
        return "gradient norm below gtol_rel * max(1, |f|)";
    case status::converged_function_change:
        return "relative change of f over f_window iterations below ftol_rel";
    case status::converged_step:
        return "step below xtol * max(1, ||x||)";
    case status::converged_gap:
        return "Frank-Wolfe duality gap below gap_tol";
    case status::iteration_limit:
        return "max_iterations reached before any convergence test held";
    case status::epoch_limit:
        return "the requested epochs ran before any convergence test held";
    case status::evaluation_limit:
        return "max_evaluations reached before any convergence test held";
    case status::time_limit:
        return "max_seconds reached before any convergence test held";
    case status::line_search_failed:
        return "line search found no acceptable step";
    case status::roundoff_limited:
        return "progress limited by rounding before any convergence test held";
    case status::non_finite:
        return "objective returned NaN/Inf; best finite iterate returned";
    case status::user_stop:
        return "stopped by the callback";
    case status::invalid_argument:
        return "invalid argument";
    }
    return {};
}

//! Budgets, history, callback and result assembly for one run.
template <class T, class F, class C>
class session {
public:
    session(const F& f, const stopping_params& sp, C& cb)
        : eval(f, sp.max_evaluations), tests(sp), params(sp), cb_(cb) {
        if (params.record_history) // a few reallocations at most for a typical run
            history.reserve(std::min<std::size_t>(params.max_iterations, 63) + 1);
    }

    //! Seconds since construction.
    [[nodiscard]] double seconds() const { return clock_.seconds(); }

    //! Records iteration \f$ k \f$ and calls the callback; returns user_stop if it asks to stop.
    //! The clock is read only if the history or a callback needs the time; for the history
    //! alone as a cheap stamp, scaled to seconds by finish() (see run_clock).
    std::optional<status> report(std::size_t k, std::span<const T> x, const T& f, const T& gnorm,
                                 const T& step, const T& gap = T(0)) {
        if constexpr (silent) {
            if (params.record_history)
                history.push_back({k, f, gnorm, step, gap, clock_.stamp()});
            return std::nullopt;
        }
        const double t = seconds();
        if (params.record_history)
            history.push_back({k, f, gnorm, step, gap, t});
        if (!invoke_callback(cb_, iteration_info<T>{k, f, gnorm, step, gap, t, x}))
            return status::user_stop;
        return std::nullopt;
    }

    //! Starts a run at \f$ x_0 \f$ (finite \f$ f_0 \f$): seeds the tests and `best`, reports
    //! iteration 0. Returns user_stop if the callback asks to stop.
    template <class B>
    std::optional<status> begin(B& best, std::span<const T> x, const T& f, const T& gnorm) {
        best.offer(x, f, gnorm);
        tests.start(f);
        return report(0, x, f, gnorm, T(0));
    }

    //! After accepted iteration \f$ k \f$: records and reports it, then runs the f-change and
    //! step tests (naming a gradient test instead if one holds as well). Returns the status to
    //! stop with, if any (user_stop or a `converged_*` one).
    std::optional<status> accepted(std::size_t k, std::span<const T> x, const T& f, const T& gnorm,
                                   const T& step) {
        if (auto st = report(k, x, f, gnorm, step))
            return st;
        auto st = tests.after_step(f, step, params.xtol > 0 ? norm2<T>(x) : T(0));
        if (st)
            if (auto sg = tests.gradient(f, gnorm))
                st = sg;
        return st;
    }

    //! Iteration, evaluation and time budgets at iteration \f$ k \f$.
    std::optional<status> limits(std::size_t k) const {
        if (k >= params.max_iterations)
            return status::iteration_limit;
        if (eval.exhausted())
            return status::evaluation_limit;
        if (params.max_seconds < std::numeric_limits<double>::infinity() &&
            seconds() >= params.max_seconds) // no clock read without a time budget
            return status::time_limit;
        return std::nullopt;
    }

    //! Assembles the result; `extra` is appended to the default message.
    result<T> finish(status st, std::vector<T> x, const T& f, const T& gnorm,
                     std::size_t iterations, const std::string& extra = {}) {
        result<T> r;
        r.x = std::move(x);
        r.f = f;
        r.gradient_norm = gnorm;
        r.status = st;
        r.message = default_message(st);
        if (!extra.empty())
            r.message += ": " + extra;
        r.iterations = iterations;
        r.f_evals = eval.f_evals;
        r.g_evals = eval.g_evals;
        r.h_evals = eval.h_evals;
        r.seconds = seconds();
        if constexpr (silent) { // the history holds stamps
            const double scale = clock_.seconds_per_stamp(r.seconds);
            for (auto& e : history)
                e.seconds *= scale;
        }
        r.history = std::move(history);
        return r;
    }

    evaluator<F, T> eval;                  //!< counted objective
    stopping_tests<T> tests;               //!< convergence tests
    stopping_params params;                //!< budgets
    std::vector<history_entry<T>> history; //!< per-iteration record

private:
    //! No callback reads the time during the run.
    static constexpr bool silent = std::is_same_v<std::remove_cv_t<C>, no_callback>;

    C& cb_;
    run_clock clock_;
};

//! Keeps the best finite iterate of a non-monotone method.
template <class T>
struct best_iterate {
    std::vector<T> x;
    T f{};
    T gradient_norm{};
    bool valid = false;
    //! Stores \f$ (x, f) \f$ if finite and lower than the best so far.
    void offer(std::span<const T> xk, const T& fk, const T& gk) {
        if (!is_finite(fk))
            return;
        if (!valid || fk < f) {
            x.assign(xk.begin(), xk.end());
            f = fk;
            gradient_norm = gk;
            valid = true;
        }
    }
    //! Ends the run of session `s` after `k` iterations with status `st`, returning this iterate.
    template <class S>
    result<T> finish(S& s, status st, std::size_t k, const std::string& why = {}) {
        return s.finish(st, std::move(x), f, gradient_norm, k, why);
    }
    //! Ends the run after an evaluation stayed NaN/Inf although the step was halved (or the
    //! budget ran out while halving).
    template <class S>
    result<T> finish_non_finite(S& s, std::size_t k) {
        if (s.eval.exhausted())
            return finish(s, status::evaluation_limit, k);
        return finish(s, status::non_finite, k,
                      "the step was halved without reaching a finite value");
    }
};

} // namespace nabla::solvers::detail

#endif // NABLA_SOLVERS_DETAIL_SESSION_HPP
