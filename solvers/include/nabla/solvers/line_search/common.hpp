#ifndef NABLA_SOLVERS_LINE_SEARCH_COMMON_HPP
#define NABLA_SOLVERS_LINE_SEARCH_COMMON_HPP

//! \file
//! \brief The interface shared by line-search policies.
//!
//! A line-search policy `LS` provides `validate()` and
//! \code
//! template <class E, class T>
//! line_search_result<T> search(E& eval, std::span<const T> x, const T& f0, const T& dg0,
//!                              std::span<const T> d, T alpha0,
//!                              std::vector<T>& x_new, std::vector<T>& g_new) const;
//! \endcode
//! which looks for \f$ \alpha > 0 \f$ along the descent direction \f$ d \f$
//! (\f$ \phi(\alpha) = f(x + \alpha d) \f$, \f$ \phi'(0) = \text{dg0} < 0 \f$). On success
//! `x_new`, `g_new` hold \f$ x + \alpha d \f$ and its gradient. Trials whose value or gradient
//! is NaN/Inf are rejected and the step is shrunk.

#include <nabla/solvers/vector_ops.hpp>

#include <cmath>
#include <cstddef>
#include <limits>
#include <span>
#include <vector>

namespace nabla::solvers {

//! \brief Outcome of one line search.
enum class line_search_status {
    ok,         //!< an acceptable step was found
    failed,     //!< no acceptable step within the trial budget
    roundoff,   //!< the bracket shrank below rounding level of \f$ x \f$
    non_finite, //!< no acceptable step and NaN/Inf trials limited the step
    unbounded,  //!< f kept decreasing as the step grew: probably unbounded below
    budget      //!< the evaluation budget ran out
};

//! \brief Result of a line search: status, accepted \f$ \alpha \f$ and \f$ \phi(\alpha) \f$.
template <class T>
struct line_search_result {
    line_search_status status; //!< outcome
    T alpha;                   //!< accepted step
    T f;                       //!< \f$ f(x + \alpha d) \f$
};

namespace detail {
//! Evaluates \f$ \phi(\alpha) \f$ and \f$ \phi'(\alpha) = \nabla f(x+\alpha d)^\top d \f$;
//! returns false if either is not finite.
template <class E, class T>
bool line_trial(E& eval, std::span<const T> x, std::span<const T> d, const T& alpha,
                std::vector<T>& xn, std::vector<T>& gn, T& f, T& dg) {
    add_scaled<T>(x, alpha, d, xn);
    f = eval.value_gradient(std::span<const T>(xn), std::span<T>(gn));
    if (!is_finite(f))
        return false;
    dg = dot<T>(gn, d);
    return is_finite(dg);
}

//! Sufficient decrease: the Armijo condition \f$ \phi(\alpha) \le \phi(0) + c_1\alpha\phi'(0) \f$,
//! or, where rounding hides the decrease in \f$ \phi \f$, its derivative form (Hager & Zhang's
//! approximate Wolfe condition) \f$ \phi'(\alpha) \le (2c_1-1)\phi'(0) \f$ with
//! \f$ \phi(\alpha) \le \phi(0) + 100\,\varepsilon\,|\phi(0)| \f$. The latter is exact for
//! quadratics and lets gradient tests be met down to rounding level of \f$ \nabla f \f$
//! instead of \f$ \sqrt{\varepsilon} \f$.
template <class T>
bool sufficient_decrease(const T& f0, const T& dg0, const T& alpha, const T& f, const T& dg,
                         const T& c1) {
    using std::abs;
    if (f <= f0 + c1 * alpha * dg0)
        return true;
    const T noise = T(100) * std::numeric_limits<T>::epsilon() * abs(f0);
    return f <= f0 + noise && dg <= (2 * c1 - 1) * dg0;
}

//! True if \f$ x + \alpha d \f$ rounds to \f$ x \f$ in every component.
template <class T>
bool step_is_negligible(std::span<const T> x, std::span<const T> d, const T& alpha) {
    for (std::size_t i = 0; i < x.size(); ++i)
        if (x[i] + alpha * d[i] != x[i])
            return false;
    return true;
}
} // namespace detail

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_LINE_SEARCH_COMMON_HPP
