#ifndef NABLA_SOLVERS_LINE_SEARCH_STRONG_WOLFE_HPP
#define NABLA_SOLVERS_LINE_SEARCH_STRONG_WOLFE_HPP

//! \file
//! \brief Strong Wolfe line search: bracketing, then zoom with safeguarded cubic interpolation
//! (Nocedal & Wright, Numerical Optimization, Algorithms 3.5 and 3.6).

#include <nabla/solvers/line_search/common.hpp>
#include <nabla/solvers/params.hpp>

#include <cmath>
#include <cstddef>
#include <limits>
#include <span>
#include <utility>
#include <vector>

namespace nabla::solvers {

//! \brief Line search for the strong Wolfe conditions
//! \f[ \phi(\alpha) \le \phi(0) + c_1\alpha\phi'(0), \qquad |\phi'(\alpha)| \le c_2|\phi'(0)|. \f]
//!
//! Phase 1 expands \f$ \alpha \f$ (by `expand`) until an interval is known to contain acceptable
//! steps; phase 2 shrinks it with the minimiser of the cubic interpolating \f$ \phi, \phi' \f$ at
//! both ends, safeguarded to the inner 80 % of the interval (else bisection). A NaN/Inf trial
//! becomes the upper end of the interval, so the step shrinks. If the interval collapses
//! without the curvature condition but with a sufficient-decrease point, that point is accepted.
//! Use it for L-BFGS, BFGS and nonlinear CG.
struct strong_wolfe {
    double c1 = 1e-4;            //!< \f$ c_1 \f$, sufficient decrease (default 1e-4)
    double c2 = 0.9;             //!< \f$ c_2 \in (c_1, 1) \f$, curvature (default 0.9; 0.1 for CG)
    double expand = 2.0;         //!< bracketing growth factor \f$ > 1 \f$ (default 2)
    std::size_t max_trials = 40; //!< evaluations per search (default 40)

    //! Throws std::invalid_argument naming the bad member.
    void validate() const {
        detail::require_open_interval("strong_wolfe::c1", c1, 0.0, 1.0);
        detail::require_open_interval("strong_wolfe::c2", c2, c1, 1.0);
        if (!(expand > 1.0) || !std::isfinite(expand))
            detail::bad_param("strong_wolfe::expand", "must be finite and > 1", expand);
        detail::require_at_least_one("strong_wolfe::max_trials", max_trials);
    }

    //! See line_search/common.hpp.
    template <class E, class T>
    line_search_result<T> search(E& eval, std::span<const T> x, const T& f0, const T& dg0,
                                 std::span<const T> d, T alpha, std::vector<T>& xn,
                                 std::vector<T>& gn) const {
        using std::abs;
        const T tc1(c1), tc2(c2);
        const T noise = T(100) * std::numeric_limits<T>::epsilon() * abs(f0);
        // lo: best point satisfying sufficient decrease so far (alpha 0 initially)
        point<T> lo{T(0), f0, dg0}, hi{};
        bool have_hi = false, any_finite = false, any_non_finite = false;
        std::vector<T> x_lo, g_lo; // storage of lo when lo.alpha > 0
        std::size_t trials = 0;
        auto accept_lo = [&](line_search_status otherwise) -> line_search_result<T> {
            if (lo.alpha > T(0)) {
                xn = x_lo;
                gn = g_lo;
                return {line_search_status::ok, lo.alpha, lo.f};
            }
            return {otherwise, alpha, f0};
        };
        while (trials < max_trials) {
            if (eval.exhausted())
                return accept_lo(line_search_status::budget);
            if (have_hi) {
                alpha = next_trial(lo, hi);
                if (detail::step_is_negligible<T>(x, d, T(alpha - lo.alpha)) ||
                    abs(hi.alpha - lo.alpha) <= std::numeric_limits<T>::epsilon() * lo.alpha)
                    return accept_lo(any_non_finite ? line_search_status::non_finite
                                                    : line_search_status::roundoff);
            }
            ++trials;
            T f{}, dg{};
            const bool finite = detail::line_trial<E, T>(eval, x, d, alpha, xn, gn, f, dg);
            if (!finite) {
                // reject: it becomes the upper end with no derivative information
                hi = {alpha, f0, T(0)};
                hi.finite = false;
                have_hi = true;
                any_non_finite = true;
                continue;
            }
            any_finite = true;
            const point<T> p{alpha, f, dg};
            // p is an upper end if it fails sufficient decrease or is not better than lo; a tie
            // within rounding noise with phi' < 0 still counts as better (the minimum lies beyond)
            const bool decrease = detail::sufficient_decrease<T>(f0, dg0, alpha, f, dg, tc1);
            const bool worse = f > lo.f + noise || (f >= lo.f && !(dg < T(0)));
            if (!decrease || worse) {
                hi = p;
                have_hi = true;
                continue;
            }
            if (abs(dg) <= -tc2 * dg0)
                return {line_search_status::ok, alpha, f};
            // p satisfies sufficient decrease and beats lo: it becomes the new lo
            if (have_hi && dg * (hi.alpha - alpha) >= T(0)) {
                hi = lo;
            } else if (!have_hi && dg >= T(0)) {
                hi = lo;
                have_hi = true;
            }
            lo = p;
            x_lo = xn;
            g_lo = gn;
            if (!have_hi)
                alpha *= T(expand);
        }
        if (!any_finite)
            return {line_search_status::non_finite, alpha, f0};
        if (!have_hi)
            return {line_search_status::unbounded, alpha, f0};
        return accept_lo(any_non_finite ? line_search_status::non_finite
                                        : line_search_status::failed);
    }

private:
    template <class T>
    struct point {
        T alpha{}, f{}, dg{};
        bool finite = true;
    };

    //! Minimiser of the cubic through (lo, hi), safeguarded; bisection otherwise.
    template <class T>
    static T next_trial(const point<T>& lo, const point<T>& hi) {
        using std::abs;
        using std::sqrt;
        const T a = lo.alpha, b = hi.alpha;
        const T mid = (a + b) / 2;
        if (!hi.finite)
            return a + (b - a) / 4; // shrink hard towards the finite end
        const T d1 = lo.dg + hi.dg - 3 * (lo.f - hi.f) / (a - b);
        const T disc = d1 * d1 - lo.dg * hi.dg;
        if (!(disc >= T(0)))
            return mid;
        const T d2 = (b > a ? T(1) : T(-1)) * sqrt(disc);
        const T denom = hi.dg - lo.dg + 2 * d2;
        if (denom == T(0))
            return mid;
        const T c = b - (b - a) * (hi.dg + d2 - d1) / denom;
        const T lo_b = (a < b ? a : b), hi_b = (a < b ? b : a), w = hi_b - lo_b;
        if (!is_finite(c) || c < lo_b + w / 10 || c > hi_b - w / 10)
            return mid;
        return c;
    }
};

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_LINE_SEARCH_STRONG_WOLFE_HPP
