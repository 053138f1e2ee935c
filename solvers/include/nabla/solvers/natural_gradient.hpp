#ifndef NABLA_SOLVERS_NATURAL_GRADIENT_HPP
#define NABLA_SOLVERS_NATURAL_GRADIENT_HPP

//! \file
//! \brief Natural gradient descent: steps preconditioned by the damped Fisher information.

#include <nabla/solvers/callbacks.hpp>
#include <nabla/solvers/detail/cholesky.hpp>
#include <nabla/solvers/detail/descent_driver.hpp>
#include <nabla/solvers/detail/session.hpp>
#include <nabla/solvers/line_search/backtracking.hpp>
#include <nabla/solvers/objective.hpp>
#include <nabla/solvers/params.hpp>
#include <nabla/solvers/stopping.hpp>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <span>
#include <stdexcept>
#include <type_traits>
#include <vector>

namespace nabla::solvers {

//! \brief Which Fisher information natural_gradient uses.
enum class fisher_kind {
    automatic, //!< exact if the objective models fisher_objective, else empirical
    exact,     //!< the objective's `fisher(x, F)`
    empirical  //!< \f$ \frac1N \sum_i \nabla f_i \nabla f_i^\top \f$ (a finite_sum_objective)
};

//! \brief Parameters of natural_gradient.
struct natural_gradient_params {
    //! stopping tests; default 500 iterations
    stopping_params stop{.max_iterations = 500};
    //! \f$ \delta > 0 \f$ added to the Fisher's diagonal (default 1e-4). For an L2-regularised
    //! likelihood \f$ \frac\lambda2\|w\|^2 \f$, \f$ \delta = \lambda \f$ is the natural choice: the
    //! regulariser's own curvature.
    double damping = 1e-4;
    //! the Fisher used (default automatic)
    fisher_kind fisher = fisher_kind::automatic;

    //! Throws std::invalid_argument naming the bad member.
    void validate() const {
        stop.validate();
        detail::require_positive("natural_gradient_params::damping", damping);
    }
};

//! \brief Natural gradient descent: solve \f$ (F(x_k) + \delta I)\, d_k = -\nabla f(x_k) \f$ by
//! Cholesky, then \f$ x_{k+1} = x_k + \alpha_k d_k \f$ with \f$ \alpha_k \f$ from the line search
//! (first trial 1).
//!
//! \f$ F \f$ is the Fisher information of a probabilistic model whose negative log-likelihood is
//! \f$ f \f$: either exact, from the objective's optional member
//! `void fisher(std::span<const T> x, std::span<T> F) const` (dense, row-major; for a
//! generalised linear model it equals the Gauss-Newton matrix, e.g. \f$ X^\top
//! \mathrm{diag}(p(1-p)) X/N \f$ for logistic regression), or the empirical Fisher
//! \f$ \frac1N\sum_i \nabla f_i(x) \nabla f_i(x)^\top \f$ from `value_gradient_sample` on single
//! samples. The step is invariant to reparametrisation of the model (to first order), so on
//! GLMs it behaves like Newton's method while needing only first derivatives per sample.
//!
//! Requirements: `value` and `value_gradient` (for the line search), plus `fisher` or the
//! finite-sum members. Counting: one exact Fisher is one `h_eval`; one empirical Fisher (a pass
//! over the \f$ N \f$ samples) is one `g_eval`. Dense \f$ O(n^3) \f$ per iteration: for small
//! and medium \f$ n \f$. Statuses as for newton (descent_driver): a failed line search or a
//! non-finite Fisher is reported, never a convergence.
//! \code
//! auto r = nabla::solvers::natural_gradient{{.damping = 1e-2}}.minimize(logistic, w0);
//! \endcode
template <class LineSearch = backtracking>
class natural_gradient {
public:
    natural_gradient_params params{}; //!< parameters
    LineSearch line_search{};         //!< line-search policy

    constexpr natural_gradient() = default;
    //! From parameters and optionally a line search.
    constexpr explicit natural_gradient(natural_gradient_params p, LineSearch ls = {})
        : params(p), line_search(ls) {}

    //! Minimises `f` from `x0`; `cb` is called after every iteration.
    template <class F, class X, class C = no_callback>
    auto minimize(const F& f, const X& x0, C cb = {}) const {
        using T = scalar_type_t<F, X>;
        static_assert(fisher_objective<F, T> || finite_sum_objective<F, T>,
                      "nabla::solvers: natural_gradient needs a Fisher information: the objective "
                      "must provide `void fisher(std::span<const T> x, std::span<T> F) const` or "
                      "the finite-sum members `sample_count()` and `value_gradient_sample(x, "
                      "indices, g)` (empirical Fisher)");
        const bool exact = resolve<F, T>(params.fisher);
        return detail::run_line_search_method<T>(
            f, x0, cb, params, line_search, [&](std::size_t n) {
                return fisher_direction<T>{n, T(params.damping), exact};
            });
    }

private:
    //! True for the exact Fisher; throws std::invalid_argument if the kind asked for is missing.
    template <class F, class T>
    static bool resolve(fisher_kind k) {
        if (k == fisher_kind::exact && !fisher_objective<F, T>)
            throw std::invalid_argument("natural_gradient_params::fisher is exact but the "
                                        "objective has no fisher(x, F) member");
        if (k == fisher_kind::empirical && !finite_sum_objective<F, T>)
            throw std::invalid_argument("natural_gradient_params::fisher is empirical but the "
                                        "objective is not a finite_sum_objective");
        return k == fisher_kind::exact || (k == fisher_kind::automatic && fisher_objective<F, T>);
    }

    template <class T>
    struct fisher_direction {
        fisher_direction(std::size_t n, T delta, bool exact)
            : n(n), delta(delta), exact(exact), m(n * n), l(n * n), gi(n) {}
        std::size_t n;
        T delta;
        bool exact;
        std::vector<T> m, l, gi;

        template <class S>
        T direction(S& s, std::span<const T> x, std::span<const T> g, std::span<T> d) {
            const auto& f = s.eval.objective();
            using F = std::remove_cvref_t<decltype(f)>;
            if constexpr (fisher_objective<F, T>)
                if (exact) {
                    ++s.eval.h_evals;
                    f.fisher(x, std::span<T>(m));
                }
            if constexpr (finite_sum_objective<F, T>)
                if (!exact)
                    empirical(s, f, x);
            for (std::size_t i = 0; i < n; ++i)
                m[i * n + i] += delta;
            if (!all_finite<T>(m) || detail::shifted_cholesky(m, n, l, delta) < T(0))
                return std::numeric_limits<T>::quiet_NaN(); // the driver falls back to -g
            for (std::size_t i = 0; i < n; ++i)
                d[i] = -g[i];
            detail::cholesky_solve(l, n, d);
            return T(1);
        }
        //! \f$ \frac1N \sum_i g_i g_i^\top \f$ into `m` (lower triangle mirrored).
        template <class S, class F>
        void empirical(S& s, const F& f, std::span<const T> x) {
            ++s.eval.g_evals;
            const auto samples = static_cast<std::size_t>(f.sample_count());
            std::fill(m.begin(), m.end(), T(0));
            for (std::size_t i = 0; i < samples; ++i) {
                (void)f.value_gradient_sample(x, std::span<const std::size_t>(&i, 1),
                                              std::span<T>(gi));
                for (std::size_t r = 0; r < n; ++r)
                    for (std::size_t c = 0; c <= r; ++c)
                        m[r * n + c] += gi[r] * gi[c];
            }
            const T inv = T(1) / T(static_cast<double>(samples));
            for (std::size_t r = 0; r < n; ++r)
                for (std::size_t c = 0; c <= r; ++c)
                    m[c * n + r] = m[r * n + c] *= inv;
        }
        void update(std::span<const T>, std::span<const T>) {}
        void reset() {}
    };
};

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_NATURAL_GRADIENT_HPP
