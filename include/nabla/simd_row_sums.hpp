//! \file
//! \brief The sums of the lanes of a group of SIMD batches, in lane order.
#ifndef NABLA_SIMD_ROW_SUMS_HPP
#define NABLA_SIMD_ROW_SUMS_HPP

#include <xsimd/xsimd.hpp>

#include <cstddef>
#include <type_traits>

namespace nabla::detail {

//! \brief \f$ r_i = \sum_k \text{rows}[i]_k \f$ for the `size` batches at `rows`, as one batch.
//!
//! `xsimd::haddp` does this in a few shuffles, except that in xsimd 8.1 (Debian 12) its float
//! version for AVX-512 returns the sums of rows 2–5 and 10–13 in each other's lanes (2 and 4,
//! 3 and 5, 10 and 12, 11 and 13 swapped). There each row is reduced on its own.
template <class T, class A>
xsimd::batch<T, A> row_sums(const xsimd::batch<T, A>* rows) {
    using batch = xsimd::batch<T, A>;
    if constexpr (std::is_same_v<T, float> && std::is_base_of_v<xsimd::avx512f, A>) {
        alignas(A::alignment()) T sums[batch::size];
        for (std::size_t i = 0; i < batch::size; ++i)
            sums[i] = xsimd::hadd(rows[i]);
        return batch::load_aligned(sums);
    } else {
        return xsimd::haddp(rows);
    }
}

} // namespace nabla::detail

#endif // NABLA_SIMD_ROW_SUMS_HPP
