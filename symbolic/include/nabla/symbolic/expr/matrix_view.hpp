//! \file
//! \brief `matrix_view`: a non-owning view of a row-major matrix, what matrix and data-row
//! symbols are bound to.
#ifndef NABLA_SYMBOLIC_EXPR_MATRIX_VIEW_HPP
#define NABLA_SYMBOLIC_EXPR_MATRIX_VIEW_HPP

#include <concepts>
#include <cstddef>
#include <span>
#include <type_traits>

namespace nabla {

//! \brief A read-only view of a dense row-major `rows x cols` matrix owned elsewhere.
template <class T>
struct matrix_view {
    //! The first element; row `i` starts at `data + i * cols`.
    T const* data = nullptr;
    //! The number of rows.
    std::size_t rows = 0;
    //! The number of columns.
    std::size_t cols = 0;

    //! Row \p i.
    constexpr std::span<const T> row(std::size_t i) const { return {data + i * cols, cols}; }
    //! Element \f$ (i, j) \f$.
    constexpr T const& operator()(std::size_t i, std::size_t j) const { return data[i * cols + j]; }
};

//! \brief A row-major matrix type a view can be taken of: `m.data()`, `m.rows()`, `m.cols()`
//! (`nabla::dense_matrix`, or an Eigen row-major matrix).
template <class M>
concept row_major_matrix = requires(M const& m) {
    {m.data()};
    { m.rows() } -> std::convertible_to<std::size_t>;
    { m.cols() } -> std::convertible_to<std::size_t>;
};

//! \brief A view of \p m.
template <row_major_matrix M>
constexpr auto view_of(M const& m) {
    using T = std::remove_cvref_t<decltype(*m.data())>;
    return matrix_view<T>{m.data(), static_cast<std::size_t>(m.rows()),
                          static_cast<std::size_t>(m.cols())};
}

} // namespace nabla

#endif // NABLA_SYMBOLIC_EXPR_MATRIX_VIEW_HPP
