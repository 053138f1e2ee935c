//! \file
//! \brief An oracle independent of nabla's derivative rules: Richardson-extrapolated central
//! differences of \f$ f \f$ itself, in 100-digit arithmetic.
#ifndef NABLA_SYMBOLIC_VERIFY_FINITE_DIFFERENCE_HPP
#define NABLA_SYMBOLIC_VERIFY_FINITE_DIFFERENCE_HPP

#include <nabla/symbolic/eval/eval_all.hpp>

#include <boost/multiprecision/cpp_bin_float.hpp>

#include <array>
#include <cmath>
#include <vector>

namespace nabla::detail {

//! The arithmetic of the finite-difference oracle: 100 significant digits.
using oracle_t = boost::multiprecision::cpp_bin_float_100;

//! \f$ f \f$ alone at a point given by position, in \p T.
template <class T, class F, class... Vs, class Point>
T value_at(F const& f, wrt_t<Vs...> w, Point const& point) {
    const auto inputs = positional_inputs<T>(w, point);
    return run_plan<T>(
        inputs, [](auto const& s) { return s.template value<F>(); }, f);
}

//! An extrapolated derivative and an estimate of its error.
struct extrapolated {
    oracle_t value;
    oracle_t error;
};

//! Richardson's extrapolation of a difference quotient \f$ D(h) \f$ whose error is a series in
//! \f$ h^2 \f$: \f$ D_{k,j} = D_{k,j-1} + (D_{k,j-1} - D_{k-1,j-1}) / (4^j - 1) \f$ over
//! \f$ h_k = h_0 / 2^k \f$. The error estimate is the last correction.
template <class Quotient>
extrapolated richardson(Quotient&& quotient, int levels = 8) {
    std::vector<oracle_t> previous, current;
    extrapolated best{0, std::numeric_limits<double>::infinity()};
    for (int k = 0; k < levels; ++k) {
        current.assign(static_cast<std::size_t>(k) + 1, oracle_t(0));
        current[0] = quotient(k);
        oracle_t factor = 4;
        for (int j = 1; j <= k; ++j, factor *= 4)
            current[j] = current[j - 1] + (current[j - 1] - previous[j - 1]) / (factor - 1);
        if (k > 0) {
            const oracle_t correction = abs(current[k] - previous[k - 1]);
            if (correction < best.error)
                best = {current[k], correction};
        }
        previous.swap(current);
    }
    return best;
}

//! The step for coordinate \p x: a power of two (so \f$ x \pm h \f$ is exact) near
//! \f$ 2^{-24} \max(1, |x|) \f$.
inline oracle_t base_step(double x) {
    int exponent = 0;
    std::frexp(std::max(1.0, std::fabs(x)), &exponent);
    return oracle_t(std::ldexp(1.0, exponent - 24));
}

//! \f$ \partial f / \partial x_i \f$ by extrapolated central differences.
template <class F, class W, std::size_t N>
extrapolated difference_gradient(F const& f, W w, std::array<oracle_t, N> const& x, std::size_t i,
                                 double xi) {
    const oracle_t h0 = base_step(xi);
    return richardson([&](int k) {
        const oracle_t h = ldexp(h0, -k);
        auto plus = x, minus = x;
        plus[i] += h;
        minus[i] -= h;
        return oracle_t((value_at<oracle_t>(f, w, plus) - value_at<oracle_t>(f, w, minus)) /
                        (2 * h));
    });
}

//! \f$ \partial^2 f / \partial x_i \partial x_j \f$ by extrapolated second differences of \f$ f \f$
//! (never differences of a derivative nabla computed).
template <class F, class W, std::size_t N>
extrapolated difference_hessian(F const& f, W w, std::array<oracle_t, N> const& x, std::size_t i,
                                std::size_t j, double xi, double xj) {
    const oracle_t hi0 = base_step(xi), hj0 = base_step(xj);
    const oracle_t center = value_at<oracle_t>(f, w, x);
    return richardson([&](int k) {
        const oracle_t hi = ldexp(hi0, -k), hj = ldexp(hj0, -k);
        auto at = [&](int si, int sj) {
            auto p = x;
            p[i] += si * hi;
            p[j] += sj * hj;
            return value_at<oracle_t>(f, w, p);
        };
        if (i == j)
            return oracle_t((at(1, 0) - 2 * center + at(-1, 0)) / (hi * hi));
        return oracle_t((at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * hi * hj));
    });
}

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_VERIFY_FINITE_DIFFERENCE_HPP
