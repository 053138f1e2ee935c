#ifndef NABLA_SOLVERS_VECTOR_OPS_HPP
#define NABLA_SOLVERS_VECTOR_OPS_HPP

//! \file
//! \brief The vector kernels solvers use: dot, axpy, norms. SIMD (xsimd) for float/double,
//! plain loops for any other scalar (e.g. Boost.Multiprecision numbers).
//!
//! Functions take `std::span`, so call them with the scalar type explicit when passing
//! containers: `dot<double>(a, b)`.

#include <cmath>
#include <cstddef>
#include <span>
#include <type_traits>

#if __has_include(<xsimd/xsimd.hpp>)
#include <xsimd/xsimd.hpp>
//! \brief 1 when xsimd is available and the vector operations use its SIMD batches, else 0.
#define NABLA_SOLVERS_HAS_XSIMD 1
#else
//! \brief 1 when xsimd is available and the vector operations use its SIMD batches, else 0.
#define NABLA_SOLVERS_HAS_XSIMD 0
#endif

namespace nabla::solvers {

namespace detail {
template <class T>
inline constexpr bool simd_scalar = NABLA_SOLVERS_HAS_XSIMD &&
                                    (std::is_same_v<T, float> || std::is_same_v<T, double>);
} // namespace detail

//! \brief True if \f$ v \f$ is neither NaN nor infinite (found by ADL for user scalars).
template <class T>
bool is_finite(const T& v) {
    using std::isfinite;
    return isfinite(v);
}

//! \brief \f$ a^\top b = \sum_i a_i b_i \f$.
template <class T>
T dot(std::span<const T> a, std::span<const T> b) {
    const std::size_t n = a.size();
    std::size_t i = 0;
    T s = T(0);
#if NABLA_SOLVERS_HAS_XSIMD
    if constexpr (detail::simd_scalar<T>) {
        using batch = xsimd::batch<T>;
        constexpr std::size_t w = batch::size;
        batch acc0(T(0)), acc1(T(0));
        for (; i + 2 * w <= n; i += 2 * w) {
            acc0 += xsimd::load_unaligned(a.data() + i) * xsimd::load_unaligned(b.data() + i);
            acc1 +=
                xsimd::load_unaligned(a.data() + i + w) * xsimd::load_unaligned(b.data() + i + w);
        }
        if (i + w <= n) { // one more whole batch: short vectors are mostly one
            acc0 += xsimd::load_unaligned(a.data() + i) * xsimd::load_unaligned(b.data() + i);
            i += w;
        }
        s = xsimd::hadd(acc0 + acc1);
    }
#endif
    for (; i < n; ++i)
        s += a[i] * b[i];
    return s;
}

//! \brief \f$ z \leftarrow x + \alpha d \f$ (trial point along a direction).
template <class T>
void add_scaled(std::span<const T> x, const T& alpha, std::span<const T> d, std::span<T> z) {
    const std::size_t n = x.size();
    std::size_t i = 0;
#if NABLA_SOLVERS_HAS_XSIMD
    if constexpr (detail::simd_scalar<T>) {
        using batch = xsimd::batch<T>;
        constexpr std::size_t w = batch::size;
        const batch a(alpha);
        for (; i + w <= n; i += w) {
            batch r = xsimd::load_unaligned(x.data() + i) + a * xsimd::load_unaligned(d.data() + i);
            r.store_unaligned(z.data() + i);
        }
    }
#endif
    for (; i < n; ++i)
        z[i] = x[i] + alpha * d[i];
}

//! \brief \f$ y \leftarrow y + \alpha x \f$ (add_scaled with \f$ z = y \f$: each element is read
//! before it is written, so the aliasing is safe).
template <class T>
void axpy(const T& alpha, std::span<const T> x, std::span<T> y) {
    add_scaled<T>(std::span<const T>(y), alpha, x, y);
}

//! \brief \f$ x \leftarrow \alpha x \f$.
template <class T>
void scale(const T& alpha, std::span<T> x) {
    for (auto& v : x)
        v *= alpha;
}

//! \brief \f$ \|x\|_2 \f$.
template <class T>
T norm2(std::span<const T> x) {
    using std::sqrt;
    return sqrt(dot<T>(x, x));
}

//! \brief \f$ \|x\|_\infty = \max_i |x_i| \f$.
template <class T>
T norm_inf(std::span<const T> x) {
    using std::abs;
    T m = T(0);
    for (const auto& v : x)
        if (abs(v) > m)
            m = abs(v);
    return m;
}

//! \brief \f$ \|x\|_1 = \sum_i |x_i| \f$.
template <class T>
T norm1(std::span<const T> x) {
    using std::abs;
    T s = T(0);
    for (const auto& v : x)
        s += abs(v);
    return s;
}

//! \brief \f$ \|x - y\|_2 \f$.
template <class T>
T distance(std::span<const T> x, std::span<const T> y) {
    using std::sqrt;
    T s = T(0);
    for (std::size_t i = 0; i < x.size(); ++i)
        s += (x[i] - y[i]) * (x[i] - y[i]);
    return sqrt(s);
}

//! \brief True if every component is finite.
template <class T>
bool all_finite(std::span<const T> x) {
    for (const auto& v : x)
        if (!is_finite(v))
            return false;
    return true;
}

} // namespace nabla::solvers

#endif // NABLA_SOLVERS_VECTOR_OPS_HPP
