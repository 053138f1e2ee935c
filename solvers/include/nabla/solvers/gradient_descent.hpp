#ifndef NABLA_SOLVERS_GRADIENT_DESCENT_HPP
#define NABLA_SOLVERS_GRADIENT_DESCENT_HPP

//! \file
//! \brief Batch gradient descent with a line search.

#include <nabla/solvers/callbacks.hpp>
#include <nabla/solvers/detail/descent_driver.hpp>
#include <nabla/solvers/detail/session.hpp>
#include <nabla/solvers/line_search/backtracking.hpp>
#include <nabla/solvers/objective.hpp>
#include <nabla/solvers/params.hpp>
#include <nabla/solvers/result.hpp>
#include <nabla/solvers/stopping.hpp>

#include <span>

namespace nabla::solvers {

//! \brief Parameters of gradient_descent.
struct gradient_descent_params {
    stopping_params stop{.max_iterations = 10000}; //!< stopping tests; default 10000 iterations
    double initial_step = 1.0; //!< \f$ \alpha_0 \f$ of the first line search, scaled by \f$
                               //!< 1/\max(1,\|g_0\|) \f$ (default 1)
    double step_growth =
        2.0; //!< later searches start at growth times the last accepted step (default 2)
    //! Throws std::invalid_argument naming the bad member.
    void validate() const {
        stop.validate();
        detail::require_positive("gradient_descent_params::initial_step", initial_step);
        if (!(step_growth >= 1.0) || !std::isfinite(step_growth))
            detail::bad_param("gradient_descent_params::step_growth", "must be finite and >= 1",
                              step_growth);
    }
};

//! \brief Steepest descent \f$ x_{k+1} = x_k - \alpha_k \nabla f(x_k) \f$, \f$ \alpha_k \f$ from
//! the line-search policy (default backtracking Armijo).
//!
//! Linear convergence with rate \f$ (\kappa-1)/(\kappa+1) \f$ on quadratics of condition
//! number \f$ \kappa \f$: a baseline and a fallback, rarely the method of choice.
//! \code
//! auto r = nabla::solvers::gradient_descent{}.minimize(f, std::vector{1.0, 2.0});
//! \endcode
template <class LineSearch = backtracking>
class gradient_descent {
public:
    gradient_descent_params params{}; //!< parameters
    LineSearch line_search{};         //!< line-search policy

    constexpr gradient_descent() = default;
    //! From parameters and optionally a line search.
    constexpr explicit gradient_descent(gradient_descent_params p, LineSearch ls = {})
        : params(p), line_search(ls) {}

    //! Minimises `f` from `x0`; `cb` is called after every iteration.
    template <class F, class X, class C = no_callback>
    auto minimize(const F& f, const X& x0, C cb = {}) const {
        using T = scalar_type_t<F, X>;
        return detail::run_line_search_method<T>(f, x0, cb, params, line_search, [&](std::size_t) {
            return steepest<T>{T(params.initial_step), T(params.step_growth)};
        });
    }

private:
    template <class T>
    struct steepest {
        T alpha, growth;
        T last{}; // norm of the last direction
        bool first = true;
        template <class S>
        T direction(S&, std::span<const T>, std::span<const T> g, std::span<T> d) {
            for (std::size_t i = 0; i < g.size(); ++i)
                d[i] = -g[i];
            last = norm2<T>(g);
            if (first) {
                first = false;
                alpha = alpha / (last > T(1) ? last : T(1));
            }
            return alpha;
        }
        //! Next trial: growth * (accepted step length / direction length).
        void update(std::span<const T> s, std::span<const T>) {
            if (last > T(0))
                alpha = growth * norm2<T>(s) / last;
        }
        void reset() {}
    };
};

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_GRADIENT_DESCENT_HPP
