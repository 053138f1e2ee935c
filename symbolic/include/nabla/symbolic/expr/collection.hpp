//! \file
//! \brief Fixed-size collections of expressions: gradients (vectors) and Hessians (symmetric
//! matrices that store their upper triangle and know their structural zeros at compile time).
#ifndef NABLA_SYMBOLIC_EXPR_COLLECTION_HPP
#define NABLA_SYMBOLIC_EXPR_COLLECTION_HPP

#include <nabla/symbolic/expr/traits.hpp>

#include <boost/hana/at.hpp>
#include <boost/hana/tuple.hpp>

#include <array>
#include <cstddef>

namespace nabla {

//! \brief A compile-time vector of expressions, such as a gradient. Element \p I is a distinct
//! type; `get<I>()` returns it.
template <class... Es>
struct expression_vector {
    //! The elements.
    boost::hana::tuple<Es...> elements;
    //! The number of elements.
    static constexpr std::size_t size = sizeof...(Es);
    //! Which elements are the exact zero, known at compile time.
    static constexpr std::array<bool, sizeof...(Es)> structural_zeros{is_zero_v<Es>...};

    //! Element \p I.
    template <std::size_t I>
    [[nodiscard]] constexpr auto const& get() const {
        return boost::hana::at_c<I>(elements);
    }
};

//! \brief A compile-time symmetric \p N by \p N matrix of expressions, such as a Hessian. Only
//! the upper triangle is stored (and derived), row by row: entry \f$ (i, j) \f$ with
//! \f$ i \le j \f$ is element \f$ iN - i(i-1)/2 + (j - i) \f$.
//!
//! Entries that simplify to the exact zero are structural zeros: `is_structural_zero(i, j)` and
//! `nonzeros` are constant expressions, and evaluation skips them.
template <std::size_t N, class... Upper>
struct symmetric_expression_matrix {
    static_assert(sizeof...(Upper) == N * (N + 1) / 2,
                  "nabla: a symmetric matrix stores exactly its upper triangle");
    //! The upper triangle, row by row.
    boost::hana::tuple<Upper...> upper;
    //! The number of rows and of columns.
    static constexpr std::size_t rows = N;
    //! Position of entry \f$ (i, j) \f$ in the stored upper triangle (either order of i, j).
    static constexpr std::size_t upper_index(std::size_t i, std::size_t j) {
        if (i > j) {
            const std::size_t t = i;
            i = j;
            j = t;
        }
        return i * (2 * N - i + 1) / 2 + (j - i); // row k < i holds N - k entries
    }
    //! Which stored entries are exact zeros.
    static constexpr std::array<bool, sizeof...(Upper)> structural_zeros{is_zero_v<Upper>...};
    //! True when entry \f$ (i, j) \f$ is an exact zero, known at compile time.
    static constexpr bool is_structural_zero(std::size_t i, std::size_t j) {
        return structural_zeros[upper_index(i, j)];
    }
    //! The number of stored entries that are not structural zeros.
    static constexpr std::size_t nonzeros = [] { // a loop: clang limits folds to 256 elements
        std::size_t count = 0;
        for (bool zero : structural_zeros)
            count += zero ? 0 : 1;
        return count;
    }();

    //! Entry \f$ (I, J) \f$.
    template <std::size_t I, std::size_t J>
    [[nodiscard]] constexpr auto const& get() const {
        return boost::hana::at_c<upper_index(I, J)>(upper);
    }
};

//! \brief A dense \p R by \p C matrix of numbers, row-major: what evaluating a Hessian gives.
template <class T, std::size_t R, std::size_t C>
struct matrix {
    //! The entries, row by row.
    std::array<T, R * C> data{};
    //! Entry \f$ (i, j) \f$.
    constexpr T& operator()(std::size_t i, std::size_t j) { return data[i * C + j]; }
    //! Entry \f$ (i, j) \f$.
    constexpr T const& operator()(std::size_t i, std::size_t j) const { return data[i * C + j]; }
    //! The number of rows.
    static constexpr std::size_t rows() { return R; }
    //! The number of columns.
    static constexpr std::size_t cols() { return C; }
};

} // namespace nabla

#endif // NABLA_SYMBOLIC_EXPR_COLLECTION_HPP
