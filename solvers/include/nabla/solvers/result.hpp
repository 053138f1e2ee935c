#ifndef NABLA_SOLVERS_RESULT_HPP
#define NABLA_SOLVERS_RESULT_HPP

//! \file
//! \brief The status enum and the result every solver returns.

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace nabla::solvers {

//! \brief Why a run stopped. Only the `converged_*` values mean a convergence test held.
enum class status {
    converged_gradient,          //!< \f$ \|\nabla f(x)\|_2 \le \text{gtol\_abs} \f$
    converged_relative_gradient, //!< \f$ \|\nabla f(x)\|_2 \le \text{gtol\_rel}\,\max(1,|f(x)|) \f$
    converged_function_change,   //!< \f$ |f_{k-m}-f_k| \le \text{ftol\_rel}\,\max(1,|f_k|) \f$ over
                                 //!< the last \f$ m \f$ iterations
    converged_step,              //!< \f$ \|x_{k+1}-x_k\|_2 \le \text{xtol}\,\max(1,\|x_k\|_2) \f$
    converged_gap,      //!< Frank-Wolfe duality gap \f$ \langle \nabla f(x), x-s\rangle \le
                        //!< \text{gap\_tol} \f$
    iteration_limit,    //!< the iteration budget ran out
    epoch_limit,        //!< a stochastic run completed its epochs() without a convergence test
    evaluation_limit,   //!< the evaluation budget ran out
    time_limit,         //!< the wall-time budget ran out
    line_search_failed, //!< no acceptable step along a descent direction
    roundoff_limited,   //!< progress below rounding level of \f$ f \f$ before any test held
    non_finite,         //!< the objective kept returning NaN/Inf; best finite iterate returned
    user_stop,          //!< a callback asked to stop
    invalid_argument    //!< a problem detected at run time (e.g. infeasible start for Frank-Wolfe)
};

//! \brief The enumerator's name, e.g. `"converged_gradient"`.
constexpr std::string_view to_string(status s) noexcept {
    switch (s) {
    case status::converged_gradient:
        return "converged_gradient";
    case status::converged_relative_gradient:
        return "converged_relative_gradient";
    case status::converged_function_change:
        return "converged_function_change";
    case status::converged_step:
        return "converged_step";
    case status::converged_gap:
        return "converged_gap";
    case status::iteration_limit:
        return "iteration_limit";
    case status::epoch_limit:
        return "epoch_limit";
    case status::evaluation_limit:
        return "evaluation_limit";
    case status::time_limit:
        return "time_limit";
    case status::line_search_failed:
        return "line_search_failed";
    case status::roundoff_limited:
        return "roundoff_limited";
    case status::non_finite:
        return "non_finite";
    case status::user_stop:
        return "user_stop";
    case status::invalid_argument:
        return "invalid_argument";
    }
    return "unknown";
}

//! \brief True exactly for the `converged_*` statuses.
constexpr bool is_converged(status s) noexcept {
    return s == status::converged_gradient || s == status::converged_relative_gradient ||
           s == status::converged_function_change || s == status::converged_step ||
           s == status::converged_gap;
}

//! Streams to_string(s).
inline std::ostream& operator<<(std::ostream& os, status s) {
    return os << to_string(s);
}

//! \brief One row of the per-iteration history (for plots).
template <class T>
struct history_entry {
    std::size_t iteration{}; //!< \f$ k \f$ (0 is the start point)
    T f{};                   //!< \f$ f(x_k) \f$
    T gradient_norm{};       //!< \f$ \|\nabla f(x_k)\|_2 \f$
    T step{};                //!< \f$ \|x_k - x_{k-1}\|_2 \f$ (0 at \f$ k=0 \f$)
    T gap{};                 //!< Frank-Wolfe duality gap at \f$ x_k \f$; 0 for other solvers
    double seconds{};        //!< wall time since the start of the run
};

//! \brief What a solver returns.
//!
//! `x` is always the best finite iterate found. `status`/`message` tell why the run stopped;
//! `converged()` is true only if a convergence test held.
template <class T>
struct result {
    std::vector<T> x;             //!< final (best finite) iterate
    T f{};                        //!< \f$ f(x) \f$
    T gradient_norm{};            //!< \f$ \|\nabla f(x)\|_2 \f$
    std::optional<T> duality_gap; //!< Frank-Wolfe gap at `x` (Frank-Wolfe solvers only)
    solvers::status status{solvers::status::invalid_argument}; //!< why the run stopped
    std::string message;                                       //!< human-readable reason
    std::size_t iterations{};                                  //!< iterations performed
    std::size_t f_evals{};                                     //!< objective value evaluations
    std::size_t g_evals{};                                     //!< gradient evaluations
    std::size_t h_evals{};                 //!< Hessian or Hessian-vector evaluations
    double seconds{};                      //!< wall time
    std::vector<history_entry<T>> history; //!< per-iteration record (if enabled)

    //! True only for the `converged_*` statuses.
    [[nodiscard]] bool converged() const noexcept { return is_converged(status); }
};

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_RESULT_HPP
