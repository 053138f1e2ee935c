//! \file
//! \brief SIMD lanes for loops over vector elements: `xsimd::batch<T>` for float and double,
//! the scalar itself (one lane) for every other type.
#ifndef NABLA_SYMBOLIC_DATA_LANES_HPP
#define NABLA_SYMBOLIC_DATA_LANES_HPP

#include <nabla/config.hpp>

#include <xsimd/xsimd.hpp>

#include <cstddef>
#include <memory>
#include <type_traits>
#include <vector>

namespace nabla::detail {

//! The widest batch of \p T xsimd provides, or \p T itself.
template <class T>
struct lanes {
    using batch = T;
};
template <class T>
requires(std::is_same_v<T, double> || std::is_same_v<T, float>) struct lanes<T> {
    using batch = xsimd::batch<T>;
};

//! The batch type of \p T.
template <class T>
using batch_t = typename lanes<T>::batch;

//! The number of lanes of \p L (a batch, or a scalar: 1).
template <class L>
inline constexpr std::size_t width_v = 1;
template <class T, class A>
inline constexpr std::size_t width_v<xsimd::batch<T, A>> = xsimd::batch<T, A>::size;

//! The alignment, in bytes, of the buffers SIMD loops run over: a cache line. A 64-byte batch
//! that straddles two lines costs two accesses; for the stores into a gradient's accumulator
//! that was a fifth of the time of a logistic gradient at d = 512 (bench/data_losses.cpp).
inline constexpr std::size_t cache_line = 64;

//! A `std::vector` of \p T whose elements start on a cache line when \p T has SIMD lanes.
template <class T>
using lane_vector = std::vector<T, std::conditional_t<width_v<batch_t<T>> == 1, std::allocator<T>,
                                                      xsimd::aligned_allocator<T, cache_line>>>;

//! \p n rounded up to whole cache lines of \p T (for types with SIMD lanes): a buffer that
//! starts that many elements after an aligned one is aligned too.
template <class T>
constexpr std::size_t whole_lines(std::size_t n) {
    constexpr std::size_t step = width_v<batch_t<T>> == 1 ? 1 : cache_line / sizeof(T);
    return (n + step - 1) / step * step;
}

//! Loads \f$ \text{width}(L) \f$ elements from \p p.
template <class L, class T>
NABLA_ALWAYS_INLINE L load_lanes(T const* p) {
    if constexpr (width_v<L> == 1) {
        return L(*p);
    } else {
        return L::load_unaligned(p);
    }
}

//! Stores \p v at \p p.
template <class L, class T>
NABLA_ALWAYS_INLINE void store_lanes(L const& v, T* p) {
    if constexpr (width_v<L> == 1) {
        *p = v;
    } else {
        v.store_unaligned(p);
    }
}

//! The sum of the lanes of \p v.
template <class T, class L>
NABLA_ALWAYS_INLINE T sum_lanes(L const& v) {
    if constexpr (width_v<L> == 1) {
        return v;
    } else {
        return xsimd::hadd(v);
    }
}

//! Calls `f.template operator()<L>(k)` over \f$ [0, n) \f$: full batches, then single elements.
template <class T, class F>
NABLA_ALWAYS_INLINE void for_each_lane(std::size_t n, F&& f) {
    using B = batch_t<T>;
    constexpr std::size_t w = width_v<B>;
    std::size_t k = 0;
    if constexpr (w > 1) {
        for (; k + w <= n; k += w)
            f.template operator()<B>(k);
    }
    for (; k < n; ++k)
        f.template operator()<T>(k);
}

} // namespace nabla::detail

#endif // NABLA_SYMBOLIC_DATA_LANES_HPP
