//! \file
//! \brief Scalar-generic kernels behind the operations: one body for double, float,
//! Boost.Multiprecision numbers and xsimd batches.
//!
//! Calls are unqualified after `using std::f;`, so argument-dependent lookup reaches
//! Boost.Multiprecision and xsimd. Where a type family lacks a function (Boost.Multiprecision has
//! no `log1p`, `expm1` or `cbrt` for `cpp_bin_float`), Boost.Math supplies it. Branches become
//! `select` so that a SIMD batch takes both sides lane by lane.
#ifndef NABLA_SYMBOLIC_OP_SCALAR_MATH_HPP
#define NABLA_SYMBOLIC_OP_SCALAR_MATH_HPP

#include <nabla/config.hpp>

#include <boost/math/special_functions/cbrt.hpp>
#include <boost/math/special_functions/expm1.hpp>
#include <boost/math/special_functions/log1p.hpp>

#include <cmath>
#include <cstdint>
#include <type_traits>

namespace nabla::detail::math {

using std::abs;
using std::atan;
using std::cbrt;
using std::cos;
using std::exp;
using std::expm1;
using std::log;
using std::log1p;
using std::pow;
using std::sin;
using std::sqrt;
using std::tan;
using std::tanh;

//! `c ? a : b`, lane by lane when \p c is a SIMD mask.
template <class C, class T>
NABLA_ALWAYS_INLINE T where(C const& c, T const& a, T const& b) {
    if constexpr (std::is_same_v<C, bool>) {
        return c ? a : b;
    } else {
        return T(select(c, a, b)); // xsimd::select, found by argument-dependent lookup
    }
}

//! Logical or of two comparison results (bool or SIMD mask).
template <class C>
NABLA_ALWAYS_INLINE C either(C const& a, C const& b) {
    if constexpr (std::is_same_v<C, bool>) {
        return a || b;
    } else {
        return a | b;
    }
}

template <class T>
NABLA_ALWAYS_INLINE T fabs_(T const& x) {
    return T(abs(x));
}
template <class T>
NABLA_ALWAYS_INLINE T log1p_(T const& x) {
    if constexpr (requires { log1p(x); }) {
        return T(log1p(x));
    } else {
        return T(boost::math::log1p(x));
    }
}
template <class T>
NABLA_ALWAYS_INLINE T expm1_(T const& x) {
    if constexpr (requires { expm1(x); }) {
        return T(expm1(x));
    } else {
        return T(boost::math::expm1(x));
    }
}
template <class T>
NABLA_ALWAYS_INLINE T cbrt_(T const& x) {
    if constexpr (requires { cbrt(x); }) {
        return T(cbrt(x));
    } else {
        return T(boost::math::cbrt(x));
    }
}

//! The Heaviside step with \f$ H(0) = 1/2 \f$, the midpoint of its one-sided values; NaN stays NaN.
template <class T>
NABLA_ALWAYS_INLINE T heaviside(T const& x) {
    const T zero(0), half(0.5), one(1);
    return where(x > zero, one, where(x < zero, zero, where(x == zero, half, x)));
}

//! The sign function with \f$ \operatorname{sgn}(0) = 0 \f$; NaN stays NaN.
template <class T>
NABLA_ALWAYS_INLINE T sign(T const& x) {
    const T zero(0), one(1);
    return where(x > zero, one, where(x < zero, T(-one), where(x == zero, zero, x)));
}

//! \f$ \min(a, b) \f$ that propagates NaN from either operand.
template <class T>
NABLA_ALWAYS_INLINE T min_(T const& a, T const& b) {
    return where(either(a < b, a != a), a, b);
}

//! \f$ \max(a, b) \f$ that propagates NaN from either operand.
template <class T>
NABLA_ALWAYS_INLINE T max_(T const& a, T const& b) {
    return where(either(a > b, a != a), a, b);
}

//! \f$ e^{-|x|} \f$, which `sigmoid` and `softplus` share. A loss needs softplus(u) and its
//! derivative sigmoid(u); the compiler never merges two calls of `std::exp` (it may set errno),
//! so for double this is an out-of-line function declared free of side effects, and the two
//! calls with one argument become one. It cannot overflow: the exponent is never positive.
[[gnu::const, gnu::noinline]] inline double exp_neg_abs(double x) noexcept {
    return std::exp(-std::fabs(x));
}
template <class T>
NABLA_ALWAYS_INLINE T exp_neg_abs(T const& x) {
    return T(exp(T(-fabs_(x))));
}

//! The logistic function \f$ 1 / (1 + e^{-x}) \f$, computed from \f$ e^{-|x|} \f$ so it never
//! overflows.
template <class T>
NABLA_ALWAYS_INLINE T sigmoid(T const& x) {
    const T one(1);
    const T e = exp_neg_abs(x);
    const T r = T(one / (one + e));
    return where(x >= T(0), r, T(e * r));
}

//! \f$ \log(1 + e^{x}) = \max(x, 0) + \operatorname{log1p}(e^{-|x|}) \f$: no overflow for
//! large \f$ x \f$, no loss of digits for very negative \f$ x \f$.
template <class T>
NABLA_ALWAYS_INLINE T softplus(T const& x) {
    const T zero(0);
    return T(where(x > zero, x, zero) + log1p_(exp_neg_abs(x)));
}

//! \f$ x^N \f$ for a compile-time integer \p N, by repeated squaring unrolled at compile time.
template <std::intmax_t N, class T>
NABLA_ALWAYS_INLINE T int_pow(T const& x) {
    if constexpr (N < 0) {
        return T(T(1) / int_pow<-N>(x));
    } else if constexpr (N == 0) {
        return T(1);
    } else if constexpr (N == 1) {
        return x;
    } else if constexpr (N % 2 == 0) {
        const T h = int_pow<N / 2>(x);
        return T(h * h);
    } else {
        return T(x * int_pow<N - 1>(x));
    }
}

//! \f$ x^n \f$ for an integer \p n known only at run time.
template <class T>
NABLA_ALWAYS_INLINE T int_pow(T x, long long n) {
    const bool invert = n < 0;
    unsigned long long k =
        invert ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    T result(1);
    while (k != 0) {
        if (k & 1ULL)
            result = T(result * x);
        k >>= 1;
        if (k != 0)
            x = T(x * x);
    }
    return invert ? T(T(1) / result) : result;
}

//! \f$ x^{P/Q} \f$ for the exact exponent \f$ P/Q \f$ in lowest terms: integer powers by
//! multiplication, \f$ Q = 2 \f$ through `sqrt`, \f$ Q = 3 \f$ through the real cube root
//! (defined for negative \f$ x \f$), anything else through `pow`.
template <std::intmax_t P, std::intmax_t Q, class T>
NABLA_ALWAYS_INLINE T rational_pow(T const& x) {
    if constexpr (Q == 1) {
        return int_pow<P>(x);
    } else if constexpr (Q == 2) {
        return int_pow<P>(T(sqrt(x)));
    } else if constexpr (Q == 3) {
        return int_pow<P>(cbrt_(x));
    } else {
        return T(pow(x, T(T(static_cast<double>(P)) / T(static_cast<double>(Q)))));
    }
}

//! \f$ x^p \f$ for an exponent known at run time, given in double (\p p, to recognise the common
//! integers, `pow(u, 2)`, evaluated by multiplication) and in the evaluation type (\p exact, for
//! every other exponent, so that 50-digit evaluation gets a 50-digit exponent).
template <class T>
NABLA_ALWAYS_INLINE T runtime_pow(T const& x, double p, T const& exact) {
    if (p >= -64 && p <= 64 && p == std::trunc(p)) { // range first: the cast must not overflow
        return int_pow(x, static_cast<long long>(p));
    }
    return T(pow(x, exact));
}

} // namespace nabla::detail::math

//! \brief The functions `to_cpp` prints as `nabla::scalar::name` because the standard library
//! lacks them; without these names the printed C++ would not compile.
namespace nabla::scalar {
using detail::math::heaviside;
using detail::math::sigmoid;
using detail::math::sign;
using detail::math::softplus;
} // namespace nabla::scalar

#endif // NABLA_SYMBOLIC_OP_SCALAR_MATH_HPP
