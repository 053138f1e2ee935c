//! \file
//! \brief `dense_matrix`: an owning, dense, row-major matrix.
#ifndef NABLA_SYMBOLIC_DATA_DENSE_MATRIX_HPP
#define NABLA_SYMBOLIC_DATA_DENSE_MATRIX_HPP

#include <nabla/symbolic/data/lanes.hpp>

#include <cstddef>
#include <span>

namespace nabla {

//! \brief A dense `rows x cols` matrix stored row-major in one contiguous block: data sets,
//! Hessians, layer weights. Element \f$ (i, j) \f$ is `data()[i * cols() + j]`. For float and
//! double the elements start on a cache line, as SIMD loads over the rows prefer.
template <class T = double>
class dense_matrix {
public:
    //! An empty matrix.
    dense_matrix() = default;
    //! A `rows x cols` matrix with every element \p fill.
    dense_matrix(std::size_t rows, std::size_t cols, T fill = T{})
        : rows_(rows), cols_(cols), values_(rows * cols, fill) {}

    //! The number of rows.
    [[nodiscard]] std::size_t rows() const noexcept { return rows_; }
    //! The number of columns.
    [[nodiscard]] std::size_t cols() const noexcept { return cols_; }
    //! The elements, row after row.
    [[nodiscard]] T* data() noexcept { return values_.data(); }
    //! The elements, row after row.
    [[nodiscard]] T const* data() const noexcept { return values_.data(); }
    //! Row \p i.
    [[nodiscard]] std::span<T> row(std::size_t i) { return {data() + i * cols_, cols_}; }
    //! Row \p i.
    [[nodiscard]] std::span<const T> row(std::size_t i) const {
        return {data() + i * cols_, cols_};
    }
    //! Element \f$ (i, j) \f$.
    T& operator()(std::size_t i, std::size_t j) { return values_[i * cols_ + j]; }
    //! Element \f$ (i, j) \f$.
    T const& operator()(std::size_t i, std::size_t j) const { return values_[i * cols_ + j]; }

private:
    std::size_t rows_ = 0;
    std::size_t cols_ = 0;
    detail::lane_vector<T> values_;
};

} // namespace nabla

#endif // NABLA_SYMBOLIC_DATA_DENSE_MATRIX_HPP
